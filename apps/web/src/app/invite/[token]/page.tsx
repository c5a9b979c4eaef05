import type { Metadata } from 'next';
import Link from 'next/link';
import { serverCaller } from '@/trpc/server';
import { errorMessage } from '@/lib/form-errors';
import { AcceptInvitationForm } from './accept-invitation-form';

export const metadata: Metadata = { title: 'Join an organization' };

const ROLE_WORDS: Record<string, string> = {
  OWNER: 'an owner',
  ADMIN: 'an admin',
  FINANCE: 'finance',
  DISPATCHER: 'a dispatcher',
  VIEWER: 'a viewer',
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await serverCaller();
  const invitation = await caller.auth
    .getInvitation({ token })
    .then((value) => ({ ok: true as const, value }))
    .catch((error: unknown) => ({ ok: false as const, message: errorMessage(error) }));

  return (
    <main className="signin" id="main" tabIndex={-1}>
      <div className="card">
        {invitation.ok ? (
          <>
            <h1>Join {invitation.value.orgName}</h1>
            <p>
              You are invited to join <strong>{invitation.value.orgName}</strong> on Souk as{' '}
              {ROLE_WORDS[invitation.value.role] ?? invitation.value.role.toLowerCase()}, with the
              email <strong>{invitation.value.email}</strong>.
            </p>
            <p className="muted">
              {invitation.value.hasAccount
                ? 'You already have a Souk account: confirm with its password to join.'
                : 'Choose your name and a password to create your account.'}
            </p>
            <AcceptInvitationForm token={token} hasAccount={invitation.value.hasAccount} />
          </>
        ) : (
          <>
            <h1>This invitation cannot be used</h1>
            <p className="notice notice-error" role="alert">
              {invitation.message}
            </p>
            <p>
              <Link href="/signin">Go to sign in</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
