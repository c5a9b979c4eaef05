import { z } from 'zod';

export const mfaStatusOutput = z.object({
  enabled: z.boolean(),
  enrolledAt: z.date().nullable(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number(),
  /** This session signed in with a code (or enrolled in it). */
  sessionVerified: z.boolean(),
});

/** The secret and its otpauth:// URI, handed out once per enrollment attempt. */
export const mfaEnrollmentOutput = z.object({ secret: z.string(), otpauthUri: z.string() });

/** Recovery codes in clear text: in this answer only, never again. */
export const mfaRecoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const mfaEnrolledOutput = mfaRecoveryCodesOutput.extend({ sessionsRevoked: z.number() });

export const mfaResetOutput = z.object({ userId: z.string(), sessionsRevoked: z.number() });
