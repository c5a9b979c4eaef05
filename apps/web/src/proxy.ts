import { NextResponse, type NextRequest } from 'next/server';

// Every request and response carries X-Request-ID (honoured when a proxy set it),
// so a log line, an audit row and a user's bug report can be tied together.
export function proxy(request: NextRequest) {
  const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

// api/uploads is left out: with a proxy in front Next buffers request bodies (cut
// at 10 MB) before the route sees them, and upload PUTs are streamed to disk.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/trpc|api/uploads).*)'],
};
