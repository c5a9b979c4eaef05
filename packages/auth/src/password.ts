import bcrypt from 'bcryptjs';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
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

// zxcvbn scores 0-4; 3 is "safely unguessable" against an offline attack on a slow hash.
const MIN_STRENGTH_SCORE = 3;

let scorer: ZxcvbnFactory | null = null;
// The dictionaries take a moment to load: build once, on first use, not at import.
function strengthScorer(): ZxcvbnFactory {
  scorer ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return scorer;
}

const COMMON_WARNINGS = new Set(['common', 'similarToCommon', 'topTen', 'topHundred']);

// An email is matched whole and by its parts, so "jane.doe@acme.test" also catches "janedoe2026".
function userInputsOf(inputs: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    if (!input) continue;
    const value = input.trim().toLowerCase();
    if (!value) continue;
    out.add(value);
    for (const part of value.split(/[@.\s_+-]+/)) if (part.length >= 3) out.add(part);
  }
  return [...out];
}

/**
 * The policy for a password a person chooses: the length rules, then a guessability
 * score that knows the common and breached-password lists and the user's own email
 * and name. The seed's fixed demo passwords are not chosen here and skip it.
 */
export function validateNewPassword({
  password,
  field = 'password',
  userInputs = [],
}: {
  password: string;
  field?: string;
  userInputs?: (string | null | undefined)[];
}): void {
  validatePassword(password, field);
  const result = strengthScorer().check(password, userInputsOf(userInputs));
  if (result.score >= MIN_STRENGTH_SCORE) return;
  const warning = result.feedback.warning ?? '';
  if (COMMON_WARNINGS.has(warning)) {
    throw AppError.field(
      field,
      'This password is on lists of common or leaked passwords: choose another',
    );
  }
  if (warning === 'userInputs') {
    throw AppError.field(field, 'This password contains your email or name: choose another');
  }
  throw AppError.field(
    field,
    'This password is too easy to guess: try a few unrelated words, or make it longer',
  );
}

export async function hashPassword(password: string): Promise<string> {
  validatePassword(password);
  return bcrypt.hash(password, authEnv.BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  return bcrypt.compare(password, hash);
}
