import { createHash, randomBytes } from 'node:crypto';

/** A one-time break-glass token: shown once, only its SHA-256 is stored. */
export function generateBreakGlassToken(): string {
  return `bg_${randomBytes(32).toString('base64url')}`;
}

export function hashBreakGlassToken(token: string): string {
  return createHash('sha256').update(token.trim()).digest('hex');
}
