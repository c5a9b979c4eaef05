import { describe, expect, it } from 'vitest';
import { parseTrustedCidrs, SOCKET_IP_HEADER } from './client-ip';
import { authEnv } from './env';
import { clientIpFromHeaders, consumeSignInAttempt } from './request-ip';

const allowed = authEnv.LOGIN_RATE_LIMIT_PER_MINUTE;
const uniqueIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

describe('sign-in limit per resolved client IP', () => {
  it('keeps limiting one socket however X-Forwarded-For is rewritten', async () => {
    const socket = uniqueIp();
    const attempt = (i: number) =>
      consumeSignInAttempt(
        new Headers({ [SOCKET_IP_HEADER]: `::ffff:${socket}`, 'x-forwarded-for': `10.9.${i}.1` }),
        [],
      );
    for (let i = 0; i < allowed; i += 1) {
      const decision = await attempt(i);
      expect(decision).toMatchObject({ allowed: true, ip: socket });
    }
    for (let i = allowed; i < allowed + 3; i += 1) {
      const refused = await attempt(i);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('behind a trusted proxy, limits each forwarded client on its own', async () => {
    const proxy = parseTrustedCidrs('10.0.0.0/8');
    const [alice, bob] = [uniqueIp(), `203.0.113.${1 + Math.floor(Math.random() * 250)}`];
    const from = (client: string) =>
      consumeSignInAttempt(
        new Headers({ [SOCKET_IP_HEADER]: '10.0.0.2', 'x-forwarded-for': `6.6.6.6, ${client}` }),
        proxy,
      );
    for (let i = 0; i < allowed; i += 1) expect((await from(alice)).allowed).toBe(true);
    expect(await from(alice)).toMatchObject({ allowed: false, ip: alice });
    expect(await from(bob)).toMatchObject({ allowed: true, ip: bob });
  });

  it('reads the plain header object next-auth passes to authorize', () => {
    expect(
      clientIpFromHeaders(
        { [SOCKET_IP_HEADER]: '192.0.2.44', 'x-forwarded-for': ['1.1.1.1', '2.2.2.2'] },
        [],
      ),
    ).toBe('192.0.2.44');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '1.1.1.1' }, [])).toBeNull();
  });
});
