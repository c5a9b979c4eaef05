import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { findOrganizationBySlug } from '@souk/core';
import { getDb } from '@souk/db';
import { appOrigin } from '@/lib/app-origin';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  // A repeated parameter arrives as an array.
  searchParams: Promise<{
    callbackUrl?: string | string[];
    error?: string | string[];
    joined?: string | string[];
  }>;
}) {
  const { callbackUrl, error, joined } = await searchParams;
  // After accepting an invitation. The name comes from the database, never from the URL,
  // so a crafted link cannot put words on this page.
  const joinedOrg =
    typeof joined === 'string' && /^[a-z0-9-]{1,80}$/.test(joined)
      ? await findOrganizationBySlug({ db: getDb(), slug: joined }).catch(() => null)
      : null;
  // Without a configured origin (bare `next dev`) the Host header stands in.
  const host = (await headers()).get('host') ?? 'localhost';
  const target = safeCallbackPath(callbackUrl ?? '/admin', appOrigin(`http://${host}`));
  return (
    <main className="signin" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Sign in to Souk</h1>
        {joinedOrg ? (
          <p className="notice notice-success" role="status">
            You joined {joinedOrg.name}. Sign in to continue.
          </p>
        ) : null}
        <SignInForm callbackUrl={target} initialError={typeof error === 'string' ? error : null} />
        <p className="muted" style={{ marginTop: '1rem' }}>
          <Link href="/signin/forgot">Forgot your password?</Link>
        </p>
        <p className="muted">
          New here?{' '}
          {/* Staff are invited; a newcomer's account is a storefront one, so back to the shop. */}
          <Link
            href={`/signup?callbackUrl=${encodeURIComponent(target.startsWith('/admin') ? '/' : target)}`}
          >
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}
