import NextAuth from 'next-auth';
import { authOptions, clientIpFrom, consumeLoginAttempt } from '@souk/auth';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

// Spec 004: sign-in is limited per client IP. Checked before next-auth sees the
// credentials; the 429 body has the `url` next-auth's client reads its error from.
async function POST(req: Request, ctx: unknown): Promise<Response> {
  if (new URL(req.url).pathname.endsWith('/callback/credentials')) {
    const ip = clientIpFrom(req.headers.get('x-forwarded-for'), req.headers.get('x-real-ip'));
    const decision = await consumeLoginAttempt(ip);
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
