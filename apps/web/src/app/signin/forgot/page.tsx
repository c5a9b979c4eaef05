import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <main className="signin" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Forgot your password?</h1>
        <p className="muted">Enter your email and we will send you a link to choose a new one.</p>
        <ForgotPasswordForm />
        <p className="muted" style={{ marginTop: '1rem' }}>
          <Link href="/signin">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
