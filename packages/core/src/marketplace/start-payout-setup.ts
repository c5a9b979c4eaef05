import type { z } from 'zod';
import { recordProcessorObject } from '../processor/processor-objects';
import type { OrgScope } from '../context';
import { actorOrThrow } from './gateway';
import type { payoutSetupInput } from './schemas';
import { requireMyVendor } from './vendor-lookup';

/**
 * Opens (or reuses) the vendor's connected account and returns the processor's
 * onboarding link. The account is made outside any transaction, keyed by the vendor,
 * so concurrent clicks get the one account; the transaction after it records it.
 */
export async function startPayoutSetup({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof payoutSetupInput>;
}) {
  const actor = actorOrThrow(scope);
  const vendor = await scope.transaction((ctx) => requireMyVendor(ctx));
  const processor = await scope.gateway();
  let accountId = vendor.connectedAccountId;
  if (!accountId) {
    const account = await processor.createConnectedAccount({
      idempotencyKey: `vendor:${vendor.id}:account`,
      email: actor.email,
      displayName: vendor.displayName,
      metadata: { orgId: scope.orgId, vendorId: vendor.id },
    });
    accountId = account.id;
    await scope.transaction(async (ctx) => {
      await ctx.tx.vendor.updateMany({
        where: { id: vendor.id, connectedAccountId: null },
        data: { connectedAccountId: account.id, payoutsEnabled: account.payoutsEnabled },
      });
      await recordProcessorObject(ctx.tx, ctx.orgId, {
        id: account.id,
        kind: 'account',
        vendorId: vendor.id,
      });
    });
  }
  const link = await processor.createAccountOnboardingLink({
    accountId,
    returnUrl: input.returnUrl,
    refreshUrl: input.refreshUrl,
  });
  return { url: link.url, accountId };
}
