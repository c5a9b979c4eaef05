import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import type { RequestDeletionInput } from './schemas';
import { subjectByEmail, subjectOrdersWhere } from './subject';

export const dataRequestSelect = {
  id: true,
  kind: true,
  status: true,
  subjectEmail: true,
  result: true,
  createdAt: true,
  completedAt: true,
} as const;

/**
 * Spec 002 deletion request: recorded as a pending `deletion` data request, and the
 * person's membership here is marked pending deletion; retention cleanup erases them later.
 * Asking again while one is pending returns that one (the partial unique index decides,
 * so two admins clicking at once still make one request).
 */
export async function requestDeletion({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: RequestDeletionInput;
  now?: Date;
}) {
  const { tx, orgId } = ctx;
  const email = input.email.toLowerCase();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO data_requests (id, "orgId", kind, status, "subjectEmail", "requestedById", "createdAt")
    VALUES (gen_random_uuid(), ${orgId}::uuid, 'deletion', 'pending', ${email},
            ${ctx.actor?.userId ?? null}::uuid, ${now})
    ON CONFLICT ("orgId", "subjectEmail") WHERE kind = 'deletion' AND status = 'pending'
    DO NOTHING
    RETURNING id`;
  const created = inserted.length === 1;
  const request = await tx.dataRequest.findFirstOrThrow({
    where: created
      ? { id: inserted[0]!.id }
      : { kind: 'deletion', status: 'pending', subjectEmail: email },
    select: dataRequestSelect,
  });

  const subject = await subjectByEmail(ctx, email);
  const memberships = subject.userId
    ? (
        await tx.membership.updateMany({
          where: { userId: subject.userId, deletionRequestedAt: null },
          data: { deletionRequestedAt: now },
        })
      ).count
    : 0;
  const orders = await tx.order.count({ where: subjectOrdersWhere(subject) });
  const matched = { account: subject.userId !== null, orders };
  // Every call is on the audit trail, the repeated ones too; no personal data in it.
  await recordAudit(ctx, {
    action: 'privacy.deletion_requested',
    entityType: 'data_request',
    entityId: request.id,
    after: { created, matched, membershipsMarked: memberships },
  });
  return { request, created, matched };
}
