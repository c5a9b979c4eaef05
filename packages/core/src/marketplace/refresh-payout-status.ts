import type { OrgScope } from '../context';
import { requireMyVendor } from './vendor-lookup';

/** Asks the processor (outside any transaction) whether the connected account can receive transfers now. */
export async function refreshPayoutStatus({ scope }: { scope: OrgScope }) {
  const vendor = await scope.transaction((ctx) => requireMyVendor(ctx));
  const { connectedAccountId } = vendor;
  if (!connectedAccountId) return vendor;
  const account = await (await scope.gateway()).retrieveConnectedAccount(connectedAccountId);
  return scope.transaction((ctx) =>
    ctx.tx.vendor.update({
      where: { id: vendor.id },
      data: { payoutsEnabled: account.payoutsEnabled },
    }),
  );
}
