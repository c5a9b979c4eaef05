import { z } from 'zod';
import { appRedirectUrl } from '../redirect-url';
import { uuidId } from '../validation';

// Inputs with a return URL: checking one reads this deployment's allowed hosts from the
// environment, so they stay out of schemas.ts, which the web forms load in the browser.
export const payoutSetupInput = z.object({
  returnUrl: appRedirectUrl('The return URL'),
  refreshUrl: appRedirectUrl('The refresh URL'),
});

export const payBookingInput = z.object({
  bookingId: uuidId('Unknown booking'),
  mode: z.enum(['deposit', 'full', 'balance'], { message: 'Choose deposit, full or balance' }),
  returnUrl: appRedirectUrl('The return URL').optional(),
});
export type PayBookingInput = z.infer<typeof payBookingInput>;
