import { getServerSession } from 'next-auth';
import { authOptions } from './next-auth-options';
import type { SoukSession } from './session-type';

export type { SoukSession };

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
    mfaVerified: session.mfaVerified ?? false,
    breakGlassId: session.breakGlassId ?? null,
    mustChangePassword: session.mustChangePassword ?? false,
  };
}
