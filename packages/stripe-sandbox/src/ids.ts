import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe-looking id: `<prefix>_<random alphanumerics>`. */
export function newId(prefix: string, length = 24): string {
  let out = '';
  for (const byte of randomBytes(length)) out += ALPHABET.charAt(byte % ALPHABET.length);
  return `${prefix}_${out}`;
}
