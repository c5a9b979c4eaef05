import { describe, expect, it } from 'vitest';
import { renderEmail } from '../render-email';

const row = {
  topic: 'auth.password_reset',
  subject: 'Reset your Souk password',
  body: [
    'Someone asked to reset the password of your Souk account (nora@example.test).',
    'Choose a new password: https://shop.test/signin/reset?token=abc.def.g-h_i',
    'The link works once, for 30 minutes. If you did not ask for it, ignore this email: your password stays as it is.',
  ].join('\n\n'),
};

describe('PasswordResetEmail', () => {
  it('turns the reset link into a button and keeps the warning', async () => {
    const email = await renderEmail(row);
    expect(email.subject).toBe('Reset your Souk password');
    expect(email.html).toMatch(
      /<a href="https:\/\/shop\.test\/signin\/reset\?token=abc\.def\.g-h_i"[^>]*>[\s\S]*?Choose a new password/,
    );
    expect(email.html).toContain('your Souk account (nora@example.test)');
    expect(email.html).toContain('If you did not ask for it, ignore this email');
    expect(email.text).toBe(row.body);
  });
});
