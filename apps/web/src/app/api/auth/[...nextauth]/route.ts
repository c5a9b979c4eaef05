import NextAuth from 'next-auth';
import { authOptions, consumeSignInAttempt } from '@souk/auth';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

// Spec 004: sign-in is limited per client IP. Checked before next-auth sees the
// credentials; the 429 body has the `url` next-auth's client reads its error from.
async function POST(req: Request, ctx: unknown): Promise<Response> {
  if (new URL(req.url).pathname.endsWith('/callback/credentials')) {
    // Keyed on the socket peer (or the client our trusted proxies name), never on a
    // header the client can rewrite between attempts.
    const decision = await consumeSignInAttempt(req.headers);
    if (!decision.allowed) {
      const url = new URL('/signin', req.url);
      // next-auth's client surfaces only the `error` param, so the delay rides in it.
      url.searchParams.set('error', `RateLimited:${decision.retryAfterSeconds}`);
      return Response.json(
        {
          url: url.toString(),
          error: 'Too many sign-in attempts',
          retryAfterSeconds: decision.retryAfterSeconds,
        },
        { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
      );
    }
  }
  return nextAuth(req, ctx);
}

export { nextAuth as GET, POST };
