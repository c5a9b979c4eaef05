import type { TenantContext } from '../context';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import { dataRequestSelect } from './request-deletion';
import type { ListDataRequestsInput } from './schemas';

/** The org's export and deletion requests, newest first. */
export async function listDataRequests({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListDataRequestsInput;
}) {
  const where = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.dataRequest.count({ where });
  const rows = await ctx.tx.dataRequest.findMany({
    where,
    orderBy: NEWEST_FIRST,
    select: dataRequestSelect,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
