import { TRPCError } from '@trpc/server';
import { appRouter, createCallerFactory, createTRPCContext } from '@souk/api';
import { getSoukSession } from '@souk/auth';
import { RESUME_LINK_EXPIRED } from '@souk/core';
import { AppError } from '@souk/core/errors';
import { webEnv } from '@/env';
import { resumeTokenParam, validParam } from '@/lib/params';

export const dynamic = 'force-dynamic';

function invalidLink(): Response {
  return new Response(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not valid</title></head>' +
      '<body><h1>This resume link is not valid</h1><p><a href="/">Continue shopping</a></p></body></html>',
    { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

function expiredLink(): Response {
  return new Response(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link expired</title></head>' +
      `<body><h1>${RESUME_LINK_EXPIRED}</h1>` +
      '<p><a href="/account">My account</a> · <a href="/">Continue shopping</a></p></body></html>',
    { status: 410, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

function isExpired(error: TRPCError): boolean {
  return error.cause instanceof AppError && error.cause.details.reason === 'expired';
}

/**
 * The customer's resume link (emails, the cancelled page, My account). The token is
 * signed, so no sign-in is needed: an open order goes back to a live hosted pay
 * page, a paid one to the account page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = validParam(resumeTokenParam, (await params).token);
  if (!token) return invalidLink();
  const headers = new Headers(request.headers);
  headers.set('x-api-key', webEnv.CHECKOUT_API_KEY);
  const caller = createCallerFactory(appRouter)(
    createTRPCContext({ headers, session: await getSoukSession() }),
  );

  let result;
  try {
    result = await caller.checkout.resumeCheckout({ token });
  } catch (error) {
    if (error instanceof TRPCError && isExpired(error)) return expiredLink();
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      return invalidLink();
    throw error;
  }

  if (result.status === 'open') return Response.redirect(result.checkoutUrl, 303);
  return Response.redirect(
    new URL(`/account?paid=${encodeURIComponent(result.orderId)}`, request.url),
    303,
  );
}
