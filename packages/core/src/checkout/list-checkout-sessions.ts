import type { TenantContext } from '../context';
import type { ListSessionsInput } from './schemas';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import { checkoutSessionSelect } from './checkout-session-select';

export async function listCheckoutSessions({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListSessionsInput;
}) {
  const where = input.status ? { status: input.status } : {};
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.hostedCheckoutSession.count({ where });
  const rows = await ctx.tx.hostedCheckoutSession.findMany({
    where,
    select: checkoutSessionSelect,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
