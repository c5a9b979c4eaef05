import type { HostedCheckoutSession, Invoice, Prisma } from '@souk/db';
import type { ProcessorCheckoutSession } from '@souk/payments';
import type { OrgScope, TenantContext } from '../context';
import { coreEnv } from '../env';
import { AppError } from '../errors';
import { compensate } from '../processor/compensate';
import { resumeToken } from './resume-token';
import { recordProcessorObject } from '../processor/processor-objects';

type InvoiceWithLines = Invoice & {
  lineItems: { description: string; unitAmountCents: number; quantity: number }[];
  order: { id: string; customerEmail: string };
};

export const invoiceForSession = {
  lineItems: { orderBy: { position: 'asc' } },
  order: { select: { id: true, customerEmail: true } },
} satisfies Prisma.InvoiceInclude;

/**
 * Opens a processor-hosted checkout for an invoice whose intent the caller has
 * already committed (tx 1), outside any transaction, then records it (tx 2, with the
 * caller's `record`). The processor call carries the caller's idempotency key, so a
 * retried request never makes two pages. When the call fails, `undo` compensates what
 * tx 1 wrote; when tx 2 fails, the processor session is expired again as well, so
 * nothing is left half-made on either side.
 */
export async function openHostedSession({
  scope,
  invoice,
  idempotencyKey,
  record,
  reuse,
  undo,
  now = new Date(),
  ttlMinutes = coreEnv.CHECKOUT_SESSION_TTL_MINUTES,
  baseUrl = coreEnv.PUBLIC_WEB_URL,
}: {
  scope: OrgScope;
  invoice: InvoiceWithLines;
  idempotencyKey: string;
  /** tx 2: what the caller persists with the new session (superseding, audit). */
  record?: (ctx: TenantContext, session: HostedCheckoutSession) => Promise<void>;
  /**
   * Start of tx 2: a live session someone else recorded meanwhile (a concurrent
   * click). When there is one, it is returned and the new processor session expired.
   */
  reuse?: (ctx: TenantContext) => Promise<HostedCheckoutSession | null>;
  /** Compensation in its own transaction: undoes what the caller's tx 1 wrote, if anything. */
  undo?: (ctx: TenantContext) => Promise<unknown>;
  now?: Date;
  ttlMinutes?: number;
  baseUrl?: string;
}): Promise<HostedCheckoutSession> {
  const lineItems = invoice.lineItems
    .filter((line) => line.unitAmountCents > 0)
    .map((line) => ({
      name: line.description,
      unitAmountCents: line.unitAmountCents,
      quantity: line.quantity,
    }));
  let processorSession: ProcessorCheckoutSession | undefined;
  const gateway = await scope.gateway().catch(async (error: unknown) => {
    await compensate(scope, 'checkout compensation', undo);
    throw error;
  });
  try {
    processorSession = await gateway.createCheckoutSession({
      idempotencyKey,
      currency: invoice.currency,
      lineItems,
      customerEmail: invoice.order.customerEmail,
      successUrl: `${baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${baseUrl}/checkout/cancelled?token=${resumeToken(invoice.orderId)}`,
      expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
      metadata: { orgId: invoice.orgId, invoiceId: invoice.id, orderId: invoice.orderId },
    });
    if (processorSession.amountTotalCents !== invoice.totalCents) {
      throw new AppError('INTERNAL', 'The processor total does not match the invoice total');
    }
  } catch (error) {
    if (processorSession) {
      await gateway.expireCheckoutSession(processorSession.id).catch(() => undefined);
    }
    await compensate(scope, 'checkout compensation', undo);
    throw error;
  }
  const opened = processorSession;
  try {
    const { session, isReused } = await scope.transaction(async (ctx) => {
      const live = await reuse?.(ctx);
      if (live) return { session: live, isReused: true };
      const session = await ctx.tx.hostedCheckoutSession.create({
        data: {
          orgId: invoice.orgId,
          invoiceId: invoice.id,
          processorSessionId: opened.id,
          url: opened.url,
          amountCents: opened.amountTotalCents,
          currency: invoice.currency,
          expiresAt: opened.expiresAt,
        },
      });
      await recordProcessorObject(ctx.tx, invoice.orgId, {
        id: opened.id,
        kind: 'checkout_session',
        invoiceId: invoice.id,
      });
      await record?.(ctx, session);
      return { session, isReused: false };
    });
    if (isReused) await gateway.expireCheckoutSession(opened.id).catch(() => undefined);
    return session;
  } catch (error) {
    await gateway.expireCheckoutSession(opened.id).catch(() => undefined);
    await compensate(scope, 'checkout compensation', undo);
    throw error;
  }
}
