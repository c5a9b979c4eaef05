import { z } from 'zod';
import { email, slug, text } from '../validation';

// What programmatic clients send to POST /api/auth/token and /api/auth/refresh (spec 004).
// Passwords are not trimmed; the lengths only keep absurd bodies out.
export const apiTokenRequestInput = z.object({
  email: email('Enter your email address'),
  password: text({ min: 1, max: 1024, trim: false, label: 'Password' }),
  code: text({ min: 1, max: 32, label: 'Code' }).optional(),
  orgSlug: slug('Organization').optional(),
});
export type ApiTokenRequestInput = z.infer<typeof apiTokenRequestInput>;

export const apiTokenRefreshInput = z.object({
  refresh_token: text({ min: 1, max: 200, trim: false, label: 'Refresh token' }),
});
export type ApiTokenRefreshInput = z.infer<typeof apiTokenRefreshInput>;
