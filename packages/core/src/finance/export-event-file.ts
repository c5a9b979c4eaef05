import type { TenantContext } from '../context';
import { AppError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored export's file, for its download; RLS keeps other orgs' files out of reach. */
export async function readExportEventFile({
  ctx,
  id,
}: {
  ctx: TenantContext;
  id: string;
}): Promise<{ fileName: string; content: string }> {
  // Not a uuid: Postgres would refuse the comparison; for a person it is simply not there.
  if (!UUID.test(id)) throw AppError.notFound('Export');
  const row = await ctx.tx.exportEvent.findUnique({
    where: { id },
    select: { fileName: true, content: true },
  });
  if (!row || row.content === null) throw AppError.notFound('Export');
  return { fileName: row.fileName, content: row.content };
}
