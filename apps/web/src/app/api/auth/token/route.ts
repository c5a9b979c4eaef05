import { handleTokenRequest } from '@souk/api';

export const dynamic = 'force-dynamic';

/** Spec 004: an API client exchanges `{ email, password, code? }` for an access + refresh token. */
export function POST(req: Request): Promise<Response> {
  return handleTokenRequest(req);
}
