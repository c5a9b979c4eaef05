import type { z } from 'zod';
import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import type { reviewVendorInput } from './schemas';
import { vendorOrThrow } from './vendor-lookup';

export async function reviewVendor({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof reviewVendorInput>;
}) {
  const before = await vendorOrThrow(ctx, input.id);
  const after = await ctx.tx.vendor.update({
    where: { id: before.id },
    data: {
      status: input.decision === 'approve' ? 'approved' : 'needs_changes',
      reviewNote: input.note ?? null,
      reviewedAt: new Date(),
    },
    include: { user: { select: { email: true } } },
  });
  await recordAudit(ctx, {
    action: input.decision === 'approve' ? 'vendor.approved' : 'vendor.changes_requested',
    entityType: 'vendor',
    entityId: before.id,
    before,
    after,
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `vendor:${before.id}:review:${after.reviewedAt!.toISOString()}`,
    channel: 'email',
    topic: 'vendor.reviewed',
    recipient: after.user.email,
    subject:
      input.decision === 'approve'
        ? `${after.displayName} is approved on Souk`
        : `${after.displayName}: changes needed`,
    body:
      input.decision === 'approve'
        ? `Your vendor profile is approved. Organizers can now book you.${input.note ? `\n\n${input.note}` : ''}`
        : `Please update your vendor profile:\n\n${input.note}`,
  });
  return after;
}
