import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Account' };

export default function AccountPage() {
  return (
    <>
      <h1>Account</h1>
      <div className="card" style={{ maxWidth: 480 }}>
        <h2 style={{ marginTop: 0 }}>Change password</h2>
        <p className="muted">
          Changing your password signs you out everywhere, this browser included.
        </p>
        <ChangePasswordForm />
      </div>
      <div className="card" style={{ maxWidth: 480, marginTop: '1rem' }}>
        <h2 style={{ marginTop: 0 }}>Two-step verification</h2>
        <p className="muted">
          A code from an app on your phone at each sign-in, on top of your password.
        </p>
        <Link href="/admin/account/security">Manage two-step verification</Link>
      </div>
    </>
  );
}
