import type { PaymentGateway } from '@souk/payments';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { resolveGateway } from '../payments/resolve-gateway';
import { invoiceForSession, openHostedSession } from './hosted-session';
import type { RegenerateSessionInput } from './schemas';

export const STALE_SESSION_MESSAGE =
  'This checkout session was changed by someone else after you loaded it. Reload to see its current state, then try again.';

/**
 * Operator retry: replaces a session with a fresh processor session for the same
 * invoice. Optimistic locking: the claim only matches the `updatedAt` the
 * operator saw, and holds the row until commit, so of many concurrent attempts
 * exactly one wins and the rest get CONFLICT.
 */
export async function regenerateSession({
  ctx,
  input,
  gateway,
}: {
  ctx: TenantContext;
  input: RegenerateSessionInput;
  gateway?: PaymentGateway;
}) {
  const { tx } = ctx;
  const before = await tx.hostedCheckoutSession.findUnique({
    where: { id: input.id },
    include: { invoice: { select: { status: true } } },
  });
  if (!before) throw AppError.notFound('Checkout session');
  // The operator's view is checked first: whatever changed, they must reload to see it.
  if (before.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
    throw new AppError('CONFLICT', STALE_SESSION_MESSAGE);
  }
  if (before.invoice.status !== 'open') {
    throw new AppError(
      'CONFLICT',
      `The invoice is already ${before.invoice.status}; nothing to regenerate`,
    );
  }
  if (before.status === 'completed' || before.status === 'superseded') {
    throw new AppError('CONFLICT', `This session is ${before.status} and cannot be regenerated`);
  }

  const claim = await tx.hostedCheckoutSession.updateMany({
    where: {
      id: input.id,
      updatedAt: input.expectedUpdatedAt,
      status: { notIn: ['completed', 'superseded'] },
    },
    data: { status: 'superseded' },
  });
  if (claim.count === 0) throw new AppError('CONFLICT', STALE_SESSION_MESSAGE);

  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: before.invoiceId },
    include: invoiceForSession,
  });
  const resolved = gateway ?? (await resolveGateway(tx, ctx.orgId));
  const fresh = await openHostedSession({
    tx,
    gateway: resolved,
    invoice,
    // The row claim already makes this once per session; the time keeps a retry after a
    // rolled-back attempt from colliding with the processor's stored response.
    idempotencyKey: `checkout:${invoice.id}:regenerate:${before.id}:${Date.now()}`,
  });
  await tx.hostedCheckoutSession.update({
    where: { id: before.id },
    data: { replacedById: fresh.id },
  });
  if (before.status === 'open' || before.status === 'abandoned') {
    // The old page must not take a second payment for the same invoice.
    await resolved.expireCheckoutSession(before.processorSessionId).catch(() => undefined);
  }
  await recordAudit(ctx, {
    action: 'checkout_session.regenerate',
    entityType: 'hosted_checkout_session',
    entityId: before.id,
    before: { status: before.status, updatedAt: before.updatedAt, url: before.url },
    after: { status: 'superseded', replacedById: fresh.id, newUrl: fresh.url },
  });
  return fresh;
}
