import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <main className="signin" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Choose a new password</h1>
        {typeof token === 'string' && token !== '' ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="notice notice-error" role="alert">
            This reset link is incomplete. <Link href="/signin/forgot">Ask for a new one</Link>.
          </p>
        )}
      </div>
    </main>
  );
}
