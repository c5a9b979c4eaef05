import { TRPCError } from '@trpc/server';
import { appRouter, createCallerFactory, createTRPCContext, PORTAL_COOKIE } from '@souk/api';
import { AppError } from '@souk/core/errors';
import { appOrigin } from '@/lib/app-origin';
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
 * The magic link from the email: redeems it (once) and keeps the portal session in an
 * httpOnly cookie, then goes to the client's bookings. A refused link goes back to the
 * request form, which says why in words.
 */
export async function GET(request: Request): Promise<Response> {
  const origin = appOrigin(request.url);
  const token = new URL(request.url).searchParams.get('token') ?? '';
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
      // The token is in this URL: it must not travel on to the next page as a Referer.
      'referrer-policy': 'no-referrer',
    },
  });
}
