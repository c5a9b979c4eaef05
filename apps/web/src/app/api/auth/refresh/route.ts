import { handleRefreshRequest } from '@souk/api';

export const dynamic = 'force-dynamic';

/** Spec 004: `{ refresh_token }` -> a new pair; presenting a spent one revokes every token. */
export function POST(req: Request): Promise<Response> {
  return handleRefreshRequest(req);
}
