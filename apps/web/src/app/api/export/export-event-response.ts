import { can, isStaffRole, type SoukSession } from '@souk/auth';
import { AppError, createOrgScope, readExportEventFile } from '@souk/core';
import type { Db } from '@souk/db';

export interface ExportEventRequest {
  id: string;
  session: SoukSession | null;
  db: Db;
  requestId: string;
}

function refusal(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * GET /api/export/accounting-events/<id>: a stored accounting export (spec 002) as the
 * CSV file the monthly job or "Export a month" wrote, for staff with finance.read.
 */
export async function exportEventResponse({
  id,
  session,
  db,
  requestId,
}: ExportEventRequest): Promise<Response> {
  if (!session) return refusal(401, 'unauthorized', 'Sign in to download this export');
  if (!isStaffRole(session.role) || !can(session.role, 'finance.read')) {
    return refusal(
      403,
      'forbidden',
      `Your role (${session.role}) cannot download accounting exports (needs finance.read)`,
    );
  }
  const scope = createOrgScope({
    db,
    orgId: session.orgId,
    actor: { userId: session.user.id, email: session.user.email, role: session.role },
    requestId,
  });
  try {
    const file = await scope.transaction((ctx) => readExportEventFile({ ctx, id }));
    return new Response(file.content, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return refusal(404, 'not_found', 'There is no such export');
    }
    throw error;
  }
}
