import { describe, expect, it } from 'vitest';
import { normalizeWebhookUrl, robotMessage, webhookTextBytes } from './webhook.ts';

describe('body webhooks', () => {
  it('takes absolute http(s) URLs only, and clears on an empty one', () => {
    expect(normalizeWebhookUrl(' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc ')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
    expect(normalizeWebhookUrl('')).toBeNull();
    expect(() => normalizeWebhookUrl('ftp://example.org/x')).toThrow(/http/);
    expect(() => normalizeWebhookUrl('javascript:alert(1)')).toThrow(/http/);
    expect(() => normalizeWebhookUrl('qyapi.weixin.qq.com/send')).toThrow(/full URL/);
    expect(() => normalizeWebhookUrl('https://user:pw@example.org/')).toThrow(/password/);
    expect(() => normalizeWebhookUrl(`https://example.org/${'a'.repeat(1000)}`)).toThrow(/1000/);
  });

  it('writes the group robots\' text message, cut to their size limit without splitting a character', () => {
    expect(robotMessage('催办：任务 1.1', '请尽快报送。')).toEqual({ msgtype: 'text', text: { content: '【督办】催办：任务 1.1\n请尽快报送。' } });
    const long = robotMessage('提醒', '办'.repeat(2000)).text.content;
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(webhookTextBytes);
    expect(long.endsWith('办…')).toBe(true);
  });
});
