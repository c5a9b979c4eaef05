import { describe, expect, it } from 'vitest';
import { AppError } from '@souk/core';
import { validateNewPassword } from './password';

function refusal(password: string, userInputs: string[] = []): Record<string, string[]> | null {
  try {
    validateNewPassword({ password, field: 'newPassword', userInputs });
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.details.fieldErrors ?? null;
    throw error;
  }
}

describe('validateNewPassword', () => {
  it('refuses passwords from the common and leaked lists, naming the field', () => {
    const common = {
      newPassword: ['This password is on lists of common or leaked passwords: choose another'],
    };
    expect(refusal('password123')).toEqual(common);
    expect(refusal('Password1!')).toEqual(common);
    expect(refusal('qwertyuiop12')).toEqual(common);
  });
  it('refuses a password built from the user email', () => {
    expect(refusal('jane.doe@acme.test1', ['jane.doe@acme.test'])).toEqual({
      newPassword: ['This password contains your email or name: choose another'],
    });
  });
  it('keeps the length rule first', () => {
    expect(refusal('short')).toEqual({
      newPassword: ['Password must be at least 10 characters'],
    });
  });
  it('accepts a strong passphrase', () => {
    expect(refusal('plum orbit canyon velvet', ['jane.doe@acme.test'])).toBeNull();
    expect(refusal('correct horse battery staple')).toBeNull();
  });
});
