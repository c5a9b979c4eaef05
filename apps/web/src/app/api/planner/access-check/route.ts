import { handlePlannerAccessCheck } from '@souk/api';

export const dynamic = 'force-dynamic';

/** Spec 004 `GET /planner/access-check` for API clients (Bearer access token). */
export function GET(req: Request): Promise<Response> {
  return handlePlannerAccessCheck(req);
}
