import { refuse } from './errors.ts';

/** How long what a person types may be, the same in every workflow, form and API field (characters). */
export const textLimits = {
  /** A comment, reason, reply or description. */
  comment: 5000,
} as const;

/** A comment or reason that must be given, within its limit: refused in words naming the field otherwise. */
export function requireText(value: string | undefined | null, zh: string, en: string): string {
  const text = (value ?? '').trim();
  if (!text) refuse(`请填写${zh}。`, `Give the ${en}.`);
  checkLength(text, zh, en);
  return text;
}

/** Refuses an optional comment longer than the limit. */
export function checkLength(text: string, zh = '说明', en = 'comment'): void {
  if (text.length > textLimits.comment) refuse(`${zh}不能超过 ${textLimits.comment} 字。`, `The ${en} is limited to ${textLimits.comment} characters.`);
}
