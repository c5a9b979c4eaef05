import type { Role } from '@souk/db';

/** Who is signed in, in which org, with which role; `sid` names the auth_sessions row. */
export interface SoukSession {
  user: { id: string; email: string; name: string | null };
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  sid: string;
}
