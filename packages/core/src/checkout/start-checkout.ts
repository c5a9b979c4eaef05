import type { Prisma } from '@souk/db';
import { isBelowMinimumCharge } from '@souk/payments';
import { calculatePrice } from '../catalog/calculate-price';
import { minimumChargeMessage } from '../catalog/chargeable-price';
import { productWithConfiguration } from '../catalog/product-shape';
import type { OrgScope, TenantContext } from '../context';
import { coreEnv } from '../env';
import { AppError, type FieldErrors } from '../errors';
import { formatMoney } from '../money';
import { completeFreeOrder } from './complete-free-order';
import { invoiceForSession, openHostedSession } from './hosted-session';

const DAY_MS = 86_400_000;
import { getOrCreateOrchestration } from './orchestration';
import type { StartCheckoutInput } from './schemas';
import { taxSnapshot } from './tax';

export interface Customer {
  userId: string | null;
  email: string;
}

/**
 * Storefront checkout. tx 1: Order + item (configuration snapshot, server-side
 * price), Invoice (tax snapshot) and orchestration; a free order is settled there and
 * then. Then the processor session, outside any transaction, keyed by the invoice;
 * tx 2 records it. When the processor call fails the order is removed again
 * (compensation), so nothing is left half-made and the customer can simply retry.
 */
export async function startCheckout({
  scope,
  input,
  customer,
}: {
  scope: OrgScope;
  input: StartCheckoutInput;
  customer: Customer;
}) {
  const created = await scope.transaction((ctx) => createOrder(ctx, input, customer));
  const { order, invoice } = created;
  if (created.isFree) {
    return {
      orderId: order.id,
      orderNumber: order.number,
      invoiceId: invoice.id,
      sessionId: null,
      // No processor page: the customer goes straight to their orders, which say it is paid.
      checkoutUrl: `/account?paid=${order.id}`,
      isFree: true,
      totalCents: 0,
      currency: invoice.currency,
    };
  }

  const session = await openHostedSession({
    scope,
    invoice,
    idempotencyKey: `checkout:${invoice.id}:initial`,
    // Cascades to the item, invoice and orchestration tx 1 wrote.
    undo: ({ tx }) => tx.order.deleteMany({ where: { id: order.id } }),
  });
  return {
    orderId: order.id,
    orderNumber: order.number,
    invoiceId: invoice.id,
    sessionId: session.id,
    checkoutUrl: session.url,
    isFree: false,
    totalCents: invoice.totalCents,
    currency: invoice.currency,
  };
}

/** tx 1: validates the selection and persists the order the processor session will be for. */
async function createOrder(ctx: TenantContext, input: StartCheckoutInput, customer: Customer) {
  const { tx, orgId } = ctx;
  const product = await tx.product.findFirst({
    where: { slug: input.productSlug, status: 'active' },
    include: productWithConfiguration,
    relationLoadStrategy: 'join',
  });
  if (!product) throw AppError.field('productSlug', 'This product is not available');

  const quote = calculatePrice(product, input.selection);
  if (quote.issues.length > 0) {
    const fieldErrors: FieldErrors = {};
    for (const issue of quote.issues)
      (fieldErrors[`selection.${issue.field}`] ??= []).push(issue.message);
    throw new AppError('BAD_REQUEST', quote.issues[0]?.message ?? 'Check your selection', {
      fieldErrors,
    });
  }

  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
  const lineTotal = quote.totalCents * input.quantity;
  const tax = taxSnapshot([lineTotal], org.taxRateBps);
  if (isBelowMinimumCharge(tax.totalCents, product.currency)) {
    const message =
      `${minimumChargeMessage(product.currency)}; this order comes to ` +
      `${formatMoney(tax.totalCents, product.currency)}. Add options or increase the quantity.`;
    throw new AppError('BAD_REQUEST', message, { fieldErrors: { total: [message] } });
  }

  const order = await tx.order.create({
    data: {
      orgId,
      customerId: customer.userId,
      customerEmail: customer.email,
      currency: product.currency,
      subtotalCents: tax.subtotalCents,
      taxCents: tax.taxCents,
      totalCents: tax.totalCents,
      items: {
        create: {
          orgId,
          productId: product.id,
          productName: product.name,
          quantity: input.quantity,
          unitPriceCents: quote.totalCents,
          totalCents: lineTotal,
          configuration: {
            selection: input.selection,
            lines: quote.lines,
          } as unknown as Prisma.InputJsonValue,
        },
      },
    },
  });

  const lineItems = [
    {
      orgId,
      description: product.name,
      quantity: input.quantity,
      unitAmountCents: quote.totalCents,
      totalCents: lineTotal,
      taxRateBps: org.taxRateBps,
      position: 0,
    },
  ];
  if (tax.taxCents > 0) {
    lineItems.push({
      orgId,
      description: 'Tax',
      quantity: 1,
      unitAmountCents: tax.taxCents,
      totalCents: tax.taxCents,
      taxRateBps: 0,
      position: 1,
    });
  }
  const invoice = await tx.invoice.create({
    data: {
      orgId,
      orderId: order.id,
      currency: product.currency,
      subtotalCents: tax.subtotalCents,
      taxableSubtotalCents: tax.taxableSubtotalCents,
      taxCents: tax.taxCents,
      taxRateBasis: tax.taxRateBasis,
      totalCents: tax.totalCents,
      dueAt: new Date(Date.now() + coreEnv.INVOICE_DUE_DAYS * DAY_MS),
      lineItems: { create: lineItems },
    },
    include: invoiceForSession,
  });
  await getOrCreateOrchestration(tx, orgId, order.id);

  if (invoice.totalCents === 0) {
    await completeFreeOrder(ctx, order, invoice);
    return { order, invoice, isFree: true };
  }
  return { order, invoice, isFree: false };
}
