import type { Metadata } from 'next';
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
    </>
  );
}
