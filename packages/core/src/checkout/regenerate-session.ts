import { recordAudit } from '../audit/record-audit';
import type { OrgScope } from '../context';
import { AppError } from '../errors';
import { invoiceForSession, openHostedSession } from './hosted-session';
import type { RegenerateSessionInput } from './schemas';

export const STALE_SESSION_MESSAGE =
  'This checkout session was changed by someone else after you loaded it. Reload to see its current state, then try again.';

/**
 * Operator retry: replaces a session with a fresh processor session for the same
 * invoice. tx 1 claims the row with optimistic locking (the claim only matches the
 * `updatedAt` the operator saw), so of many concurrent attempts exactly one wins and
 * the rest get CONFLICT. The processor call runs after that commit; tx 2 records the
 * new session, the link and the audit row. When the call fails the claim is handed
 * back exactly as it was, so the operator's retry works.
 */
export async function regenerateSession({
  scope,
  input,
}: {
  scope: OrgScope;
  input: RegenerateSessionInput;
}) {
  const { before, invoice } = await scope.transaction(async ({ tx }) => {
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
    return { before, invoice };
  });

  const fresh = await openHostedSession({
    scope,
    invoice,
    // The row claim already makes this once per session; the time keeps a retry after a
    // handed-back claim from colliding with the processor's stored response.
    idempotencyKey: `checkout:${invoice.id}:regenerate:${before.id}:${Date.now()}`,
    record: async (ctx, session) => {
      await ctx.tx.hostedCheckoutSession.update({
        where: { id: before.id },
        data: { replacedById: session.id },
      });
      await recordAudit(ctx, {
        action: 'checkout_session.regenerated',
        entityType: 'hosted_checkout_session',
        entityId: before.id,
        before: { status: before.status, updatedAt: before.updatedAt, url: before.url },
        after: { status: 'superseded', replacedById: session.id, newUrl: session.url },
      });
    },
    // Hand the claim back as the operator saw it (updatedAt included), unless the row
    // moved on meanwhile (a payment completed it).
    undo: ({ tx }) =>
      tx.hostedCheckoutSession.updateMany({
        where: { id: before.id, status: 'superseded', replacedById: null },
        data: { status: before.status, updatedAt: before.updatedAt },
      }),
  });
  if (before.status === 'open' || before.status === 'abandoned') {
    // The old page must not take a second payment for the same invoice.
    const gateway = await scope.gateway();
    await gateway.expireCheckoutSession(before.processorSessionId).catch(() => undefined);
  }
  return fresh;
}
