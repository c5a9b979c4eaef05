import { generate } from 'otplib';

// RFC 6238 TOTP as an authenticator app computes it (otplib, as the app uses).

/** The code shown `steps` 30-second steps from now. */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** A 6-digit code that none of the accepted steps (now ±1, and the next) shows. */
export async function wrongTotpCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1, 2].map((s) => totpCode(secret, s))));
  let n = 246810;
  while (valid.has(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
}
