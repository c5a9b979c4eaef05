import type { Metadata } from 'next';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another origin.
  const target =
    callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/admin';
  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in to Souk</h1>
        <SignInForm callbackUrl={target} initialError={error ?? null} />
      </div>
    </main>
  );
}
