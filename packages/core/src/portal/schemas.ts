import { z } from 'zod';
import { email, page, pageSize, text, uuidId } from '../validation';

/** The portal's sign-in form: one address, nothing else. */
export const requestPortalLinkInput = z.object({ email: email('Enter your email address') });
export type RequestPortalLinkInput = z.infer<typeof requestPortalLinkInput>;

/** The `token` of a magic link (`/portal/callback?token=…`). */
export const redeemPortalLinkInput = z.object({
  token: text({ min: 1, max: 400, trim: false, label: 'Sign-in link' }),
});
export type RedeemPortalLinkInput = z.infer<typeof redeemPortalLinkInput>;

export const portalBookingInput = z.object({ id: uuidId('Unknown booking') });
export const portalInvoiceInput = z.object({ id: uuidId('Unknown invoice') });
export const portalOrderInput = z.object({ id: uuidId('Unknown order') });

export const portalPageInput = z.object({ page: page(), pageSize: pageSize(20, 100) });
export type PortalPageInput = z.infer<typeof portalPageInput>;
