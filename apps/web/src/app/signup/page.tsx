import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSoukSession } from '@souk/auth';
import { appOrigin } from '@/lib/app-origin';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const host = (await headers()).get('host') ?? 'localhost';
  // A newcomer lands back on the storefront, never on /admin.
  const target = safeCallbackPath(callbackUrl ?? '/', appOrigin(`http://${host}`));
  if (await getSoukSession()) redirect(target);
  return (
    <main className="signin" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Create your Souk account</h1>
        <SignUpForm callbackUrl={target} />
        <p className="muted" style={{ marginTop: '1rem' }}>
          Already have an account?{' '}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(target)}`}>Sign in</Link>
        </p>
      </div>
    </main>
  );
}
