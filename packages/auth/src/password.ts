import bcrypt from 'bcryptjs';
import { AppError } from '@souk/core';
import { authEnv } from './env';

export const MIN_PASSWORD_LENGTH = 10;
// bcrypt only reads the first 72 bytes; refuse longer rather than silently truncate.
const MAX_PASSWORD_BYTES = 72;

export function validatePassword(password: string, field = 'password'): void {
  if (password.trim().length === 0) throw AppError.field(field, 'Password must not be blank');
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw AppError.field(field, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw AppError.field(field, `Password must be at most ${MAX_PASSWORD_BYTES} bytes`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  validatePassword(password);
  return bcrypt.hash(password, authEnv.BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  return bcrypt.compare(password, hash);
}
