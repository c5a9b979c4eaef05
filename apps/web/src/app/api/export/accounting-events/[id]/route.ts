import { getSoukSession } from '@souk/auth';
import { getDb } from '@souk/db';
import { requestIdFrom } from '@/lib/request-id';
import { exportEventResponse } from '../../export-event-response';

// A static segment: Next matches it before the `[list]` exports beside it.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params): Promise<Response> {
  return exportEventResponse({
    id: (await params).id,
    session: await getSoukSession(),
    db: getDb(),
    requestId: requestIdFrom(req.headers.get('x-request-id')),
  });
}
