import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSoukSession, isStaffRole, type SoukSession } from '@souk/auth';

/** Page guard: signed-out visitors go to sign-in and come back afterwards. */
export async function requireSession(callbackUrl: string): Promise<SoukSession> {
  const session = await getSoukSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return session;
}

export async function requireStaff(callbackUrl: string): Promise<SoukSession> {
  const session = await requireSession(callbackUrl);
  if (!isStaffRole(session.role)) notFound();
  return session;
}
