import { z } from 'zod';
import { text, uuidId } from '../validation';

// A 6-digit code or a recovery code ("abcd-efgh-jk"); spaces and hyphens are ignored
// when it is checked, so a pasted code with a stray space still works.
const mfaCode = text({
  min: 1,
  max: 32,
  label: 'Code',
  minMessage: 'Enter the 6-digit code from your authenticator app',
});

/** A code from the user's authenticator app (enrollment, new recovery codes). */
export const mfaCodeInput = z.object({ code: mfaCode });
export type MfaCodeInput = z.infer<typeof mfaCodeInput>;

/** An owner turning off a member's two-step verification (lost device). */
export const resetMemberMfaInput = z.object({ userId: uuidId('Unknown user') });
export type ResetMemberMfaInput = z.infer<typeof resetMemberMfaInput>;
