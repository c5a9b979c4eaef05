import type { Role } from '@souk/db';

/** Who is signed in, in which org, with which role; `sid` names the auth_sessions row. */
export interface SoukSession {
  user: { id: string; email: string; name: string | null };
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  sid: string;
  /** Signed in with a TOTP or recovery code (ADMIN_MFA_REQUIRED gates staff work on it). */
  mfaVerified?: boolean;
  /** A break-glass session redeemed into this one: writes allowed under ADMIN_READ_ONLY. */
  breakGlassId?: string | null;
  /** An admin-issued temporary password: a new one must be chosen before anything else. */
  mustChangePassword?: boolean;
}
