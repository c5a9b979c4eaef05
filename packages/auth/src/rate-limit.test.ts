import { describe, expect, it } from 'vitest';
import { consumeLoginAttempt } from './rate-limit';

describe('login rate limit', () => {
  it('allows 5 attempts per minute per IP, then refuses with a retry delay', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 5; i += 1) expect((await consumeLoginAttempt(ip)).allowed).toBe(true);
    const refused = await consumeLoginAttempt(ip);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await consumeLoginAttempt('198.51.100.1')).allowed).toBe(true);
  });
});
