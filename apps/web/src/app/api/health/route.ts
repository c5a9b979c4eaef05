import { getDb } from '@souk/db';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json(
      { status: 'unavailable', reason: 'database unreachable' },
      { status: 503 },
    );
  }
}
