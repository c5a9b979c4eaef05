import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import type { ListRecoveryRunsInput } from './schemas';

/** The org's session-recovery runs, newest first, paged (the history grows every sweep). */
export async function listRecoveryRuns({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListRecoveryRunsInput;
}) {
  const [items, total] = [
    await ctx.tx.hostedSessionRecoveryRun.findMany({
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(input),
    }),
    await ctx.tx.hostedSessionRecoveryRun.count(),
  ];
  return pageOf(input, total, items);
}
