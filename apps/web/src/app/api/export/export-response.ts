import { can, isStaffRole, type SoukSession } from '@souk/auth';
import { AppError, createOrgScope } from '@souk/core';
import { listExportNamed, type ExportFilters } from '@souk/core/export';
import type { Db } from '@souk/db';

export interface ExportRequest {
  list: string;
  searchParams: URLSearchParams;
  session: SoukSession | null;
  db: Db;
  requestId: string;
  now?: Date;
}

function refusal(status: number, error: string, message: string, extra: object = {}): Response {
  return Response.json(
    { error, message, ...extra },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/** Each parameter once, as a string; one given several times as the list of its values. */
function filtersOf(searchParams: URLSearchParams): ExportFilters {
  const filters: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    filters[key] = values.length === 1 ? values[0]! : values;
  }
  return filters;
}

/**
 * GET /api/export/<list>?<the list's filters>: the list as a CSV download, for staff
 * whose role has the list's own read permission. Rows are read page by page in short
 * transactions of the session's org (RLS) as the browser takes them.
 */
export function exportResponse({
  list,
  searchParams,
  session,
  db,
  requestId,
  now = new Date(),
}: ExportRequest): Response {
  const definition = listExportNamed(list);
  if (!definition) return refusal(404, 'not_found', 'There is no such list to export');
  if (!session) return refusal(401, 'unauthorized', 'Sign in to export this list');
  if (!isStaffRole(session.role) || !can(session.role, definition.permission)) {
    return refusal(
      403,
      'forbidden',
      `Your role (${session.role}) cannot export this list (needs ${definition.permission})`,
    );
  }
  const scope = createOrgScope({
    db,
    orgId: session.orgId,
    actor: { userId: session.user.id, email: session.user.email, role: session.role },
    requestId,
  });
  let csv: ReadableStream<Uint8Array>;
  try {
    csv = definition.open({ scope, filters: filtersOf(searchParams) });
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_REQUEST') {
      return refusal(400, 'bad_filter', error.message, { fieldErrors: error.details.fieldErrors });
    }
    throw error;
  }
  const day = now.toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${list}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
