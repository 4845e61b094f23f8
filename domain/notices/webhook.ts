import { ValidationError } from '../errors.ts';

function invalid(zh: string, en: string): never {
  throw new ValidationError(`${zh} ${en}`);
}

/** 企业微信 group robots take at most 2048 bytes of text; 钉钉 more. */
export const webhookTextBytes = 2048;
export const webhookUrlLength = 1000;

/** The URL a body's notices are POSTed to, trimmed; an empty one clears it. Refuses anything but an absolute http(s) URL. */
export function normalizeWebhookUrl(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    invalid('请填写完整的网址（http:// 或 https:// 开头）。', 'Give a full URL starting with http:// or https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('网址须以 http:// 或 https:// 开头。', 'The URL must start with http:// or https://.');
  if (url.username || url.password) invalid('网址中不能含用户名或密码。', 'The URL may not carry a user name or password.');
  if (text.length > webhookUrlLength) invalid(`网址最长 ${webhookUrlLength} 字符。`, `The URL is at most ${webhookUrlLength} characters.`);
  return url.href;
}

/** Cuts text to at most `bytes` bytes of UTF-8 without splitting a character. */
function cutUtf8(text: string, bytes: number): string {
  const encoded = new TextEncoder().encode(text);
  if (encoded.length <= bytes) return text;
  const ellipsis = '…';
  let out = '';
  let used = new TextEncoder().encode(ellipsis).length;
  for (const ch of text) {
    const size = new TextEncoder().encode(ch).length;
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out + ellipsis;
}

/** The JSON body 企业微信 and 钉钉 group robots both accept: a text message. */
export const robotMessage = (subject: string, body: string) => ({
  msgtype: 'text' as const,
  text: { content: cutUtf8(`【督办】${subject}\n${body}`, webhookTextBytes) },
});
