import { TRPCError } from '@trpc/server';
import { appRouter, createCallerFactory, createTRPCContext, PORTAL_COOKIE } from '@souk/api';
import { AppError } from '@souk/core/errors';
import { appOrigin } from '@/lib/app-origin';
import { checkCsrf } from '@/lib/csrf';
import { requestIdFrom } from '@/lib/request-id';

export const dynamic = 'force-dynamic';

const REASONS = new Set(['invalid', 'expired', 'used']);

function reasonOf(error: unknown): string {
  if (error instanceof TRPCError) {
    const reason = error.cause instanceof AppError ? error.cause.details.reason : undefined;
    if (typeof reason === 'string' && REASONS.has(reason)) return reason;
    // A token the input schema refuses (too long, U+0000) is not a link we sent.
    if (error.code === 'BAD_REQUEST') return 'invalid';
  }
  throw error;
}

/**
 * The magic link from the email. Opening it (GET) only shows a button: mail scanners
 * that open every link in a message must not use up a link that works once. The button
 * POSTs the token back here, which redeems it, keeps the portal session in an httpOnly
 * cookie and goes to the client's bookings. A refused link goes back to the request
 * form, which says why in words.
 */
export function GET(request: Request): Response {
  const origin = appOrigin(request.url);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return new Response(null, {
    status: 303,
    headers: {
      location: `${origin}/portal/continue?token=${encodeURIComponent(token)}`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

export async function POST(request: Request): Promise<Response> {
  const origin = appOrigin(request.url);
  // Only the continue page's own form: a form on another site must not sign a visitor
  // in to someone else's portal session.
  const csrf = checkCsrf({
    method: 'POST',
    contentType: request.headers.get('content-type'),
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    appOrigin: origin,
    ownFormPost: true,
  });
  if (!csrf.ok) return new Response(csrf.message, { status: 403 });
  const form = await request.formData().catch(() => null);
  const value = form?.get('token');
  const token = typeof value === 'string' ? value : '';
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestIdFrom(request.headers.get('x-request-id')));
  const caller = createCallerFactory(appRouter)(createTRPCContext({ headers, session: null }));
  let session;
  try {
    session = await caller.portal.redeemLink({ token });
  } catch (error) {
    return Response.redirect(`${origin}/portal?error=${reasonOf(error)}`, 303);
  }
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  const cookie = [
    `${PORTAL_COOKIE}=${encodeURIComponent(session.sessionToken)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(origin.startsWith('https:') ? ['Secure'] : []),
  ].join('; ');
  return new Response(null, {
    status: 303,
    headers: {
      location: `${origin}/portal/bookings`,
      'set-cookie': cookie,
      'cache-control': 'no-store',
    },
  });
}
