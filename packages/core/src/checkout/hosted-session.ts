import { PaymentGatewayError, type PaymentGateway } from '@souk/payments';
import type { HostedCheckoutSession, Invoice, Prisma, Tx } from '@souk/db';
import { coreEnv } from '../env';
import { AppError } from '../errors';
import { resumeToken } from './resume-token';
import { recordProcessorObject } from '../payments/processor-objects';

type InvoiceWithLines = Invoice & {
  lineItems: { description: string; unitAmountCents: number; quantity: number }[];
  order: { id: string; customerEmail: string };
};

export const invoiceForSession = {
  lineItems: { orderBy: { position: 'asc' } },
  order: { select: { id: true, customerEmail: true } },
} satisfies Prisma.InvoiceInclude;

function gatewayFailure(error: unknown): never {
  if (error instanceof PaymentGatewayError) {
    throw new AppError('INTERNAL', `The payment processor refused the checkout: ${error.message}`, {
      processorCode: error.code,
    });
  }
  throw error;
}

/**
 * Opens a processor-hosted checkout for an invoice and records it. The processor
 * call carries an idempotency key, so a retried request never makes two pages;
 * when the local write fails afterwards the processor session is expired again
 * (compensation), so nothing is left half-made on either side.
 */
export async function openHostedSession({
  tx,
  gateway,
  invoice,
  idempotencyKey,
  now = new Date(),
  ttlMinutes = coreEnv.CHECKOUT_SESSION_TTL_MINUTES,
  baseUrl = coreEnv.PUBLIC_WEB_URL,
}: {
  tx: Tx;
  gateway: PaymentGateway;
  invoice: InvoiceWithLines;
  idempotencyKey: string;
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
  const processorSession = await gateway
    .createCheckoutSession({
      idempotencyKey,
      currency: invoice.currency,
      lineItems,
      customerEmail: invoice.order.customerEmail,
      successUrl: `${baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${baseUrl}/checkout/cancelled?token=${resumeToken(invoice.orderId)}`,
      expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
      metadata: { orgId: invoice.orgId, invoiceId: invoice.id, orderId: invoice.orderId },
    })
    .catch(gatewayFailure);
  if (processorSession.amountTotalCents !== invoice.totalCents) {
    await gateway.expireCheckoutSession(processorSession.id).catch(() => undefined);
    throw new AppError('INTERNAL', 'The processor total does not match the invoice total');
  }
  try {
    const session = await tx.hostedCheckoutSession.create({
      data: {
        orgId: invoice.orgId,
        invoiceId: invoice.id,
        processorSessionId: processorSession.id,
        url: processorSession.url,
        amountCents: processorSession.amountTotalCents,
        currency: invoice.currency,
        expiresAt: processorSession.expiresAt,
      },
    });
    await recordProcessorObject(tx, invoice.orgId, {
      id: processorSession.id,
      kind: 'checkout_session',
      invoiceId: invoice.id,
    });
    return session;
  } catch (error) {
    await gateway.expireCheckoutSession(processorSession.id).catch(() => undefined);
    throw error;
  }
}
