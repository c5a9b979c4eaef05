import { z } from 'zod';
import { email, text, uuidId } from '../validation';

// Passwords are not trimmed: spaces are part of a password. Length and strength are the
// auth policy's (validateNewPassword), which answers beside the field in the same words.
const newPassword = (label: string) => text({ min: 1, max: 1024, trim: false, label });

/** A storefront customer creating an account. */
export const signUpInput = z.object({
  email: email('Enter your email address'),
  name: text({ min: 1, max: 120, label: 'Name' }),
  password: newPassword('Password'),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const requestPasswordResetInput = z.object({ email: email('Enter your email address') });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const resetPasswordInput = z.object({
  token: text({ min: 1, max: 300, trim: false, label: 'Reset link' }),
  password: newPassword('New password'),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** One of the signed-in customer's own orders. */
export const myOrderInput = z.object({ orderId: uuidId('Unknown order') });
export type MyOrderInput = z.infer<typeof myOrderInput>;
