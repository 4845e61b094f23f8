import { createHash } from 'node:crypto';
import type { Actor } from '../domain/supervision/types.ts';
import { ValidationError } from '../domain/errors.ts';

/** The description every retryable mutation gives its idempotency key. */
export const requestIdDescription = '请求号：重试时使用同一请求号，操作只执行一次 Idempotency key: a call retried with the same id acts once.';

/** A client's idempotency key, checked; none given: null. */
export function checkRequestId(requestId: string | null | undefined): string | null {
  if (requestId == null) return null;
  if (!/^[\w.:-]{1,100}$/.test(requestId)) {
    throw new ValidationError('请求号须为 1–100 个字母、数字或 -_.: 字符。 The request id must be 1 to 100 letters, digits or -_.: characters.');
  }
  return requestId;
}

/** The Temporal update id of a keyed call: one outcome per account and key. */
export const updateIdOf = (actor: Actor, requestId: string | null) => (requestId ? `${actor.accountId}:${requestId}` : undefined);

/** A UUID-shaped id derived from an account and its key, so a retried filing names the same case. */
export function keyedUuid(actor: Actor, requestId: string): string {
  const h = createHash('sha256').update(`${actor.accountId}:${requestId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
