import { getServerSession } from 'next-auth';
import type { Role } from '@souk/db';
import { authOptions } from './next-auth-options';

export interface SoukSession {
  user: { id: string; email: string; name: string | null };
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  sid: string;
}

/** Server-only: the signed-in user's session, already checked against auth_sessions. */
export async function getSoukSession(): Promise<SoukSession | null> {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.orgId) return null;
  return {
    user: session.user,
    orgId: session.orgId,
    orgSlug: session.orgSlug,
    orgName: session.orgName,
    role: session.role,
    sid: session.sid,
  };
}
