import { NextResponse, type NextRequest } from 'next/server';
import { adminIpRefusalFor } from '@souk/auth/admin-ip';
import { webEnv } from '@/env';
import { requestIdFrom } from '@/lib/request-id';
import {
  createNonce,
  isHttpsRequest,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/security-headers';

// Every request and response carries X-Request-ID (honoured when a proxy set a sane
// one), so a log line, an audit row and a user's bug report can be tied together.
// Pages also get a fresh CSP nonce: Next reads it from the request's
// Content-Security-Policy header and puts it on the scripts it renders, which is why
// every page is rendered per request (the root layout awaits connection()).
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  // Spec 002 admin IP allowlist: /admin pages answer 403 outside it (staff procedures
  // refuse the same clients in packages/api trpc.ts).
  if (request.nextUrl.pathname === '/admin' || request.nextUrl.pathname.startsWith('/admin/')) {
    const refusal = adminIpRefusalFor(request.headers);
    if (refusal) {
      return new NextResponse(refusal, {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId },
      });
    }
  }
  const nonce = createNonce();
  const csp = pageContentSecurityPolicy({
    nonce,
    // NODE_ENV is set by `next dev`/`next build` and inlined by Next: not deployment
    // configuration, so not in env.ts.
    // eslint-disable-next-line no-restricted-properties
    isDev: process.env.NODE_ENV === 'development',
    // The booking page's card form (real Stripe) loads Stripe.js.
    stripeJs: Boolean(webEnv.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY),
  });
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-nonce', nonce);
  // Layouts are not told the path; the admin layout's MFA redirect needs it.
  headers.set('x-souk-pathname', request.nextUrl.pathname);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  response.headers.set('content-security-policy', csp);
  const https = isHttpsRequest({
    requestUrl: request.url,
    forwardedProto: request.headers.get('x-forwarded-proto'),
    publicUrl: webEnv.NEXTAUTH_URL,
  });
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

// api/uploads is left out: with a proxy in front Next buffers request bodies (cut
// at 10 MB) before the route sees them, and upload PUTs are streamed to disk.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/trpc|api/uploads).*)'],
};
