import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit.ts';

describe('FailureLimiter', () => {
  it('blocks a key after the limit of failures, until the window passes', () => {
    let now = 0;
    const limiter = new FailureLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) limiter.fail('a');
    expect(limiter.blocked('a')).toBe(true);
    expect(limiter.blocked('b')).toBe(false);
    now = 1001;
    expect(limiter.blocked('a')).toBe(false);
  });

  it('forgets failures after a success', () => {
    const limiter = new FailureLimiter(2, 1000, () => 0);
    limiter.fail('a');
    limiter.succeed('a');
    limiter.fail('a');
    expect(limiter.blocked('a')).toBe(false);
  });
});
