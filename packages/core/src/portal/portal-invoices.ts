import type { Invoice, InvoiceStatus, Order } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import { resumeToken } from '../checkout/resume-token';
import { clientOrderWhere, type PortalClient } from './portal-client';
import type { PortalPageInput } from './schemas';

const UNPAID: readonly InvoiceStatus[] = ['open', 'partial', 'overdue'];
const RECEIPTED: readonly InvoiceStatus[] = ['paid', 'refunded'];

/**
 * The pay link is the customer's own resume link (works without an account, signed,
 * expiring), offered while the order still waits for payment; the receipt is the
 * portal's printable page once the invoice is settled.
 */
function links(invoice: Invoice, order: Pick<Order, 'id' | 'status'>) {
  return {
    payUrl:
      UNPAID.includes(invoice.status) && order.status === 'pending_payment'
        ? `/checkout/resume/${encodeURIComponent(resumeToken(order.id))}`
        : null,
    receiptUrl: RECEIPTED.includes(invoice.status)
      ? `/portal/invoices/${invoice.id}/receipt`
      : null,
  };
}

function summary(invoice: Invoice & { order: Pick<Order, 'id' | 'number' | 'status'> }) {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    subtotalCents: invoice.subtotalCents,
    taxCents: invoice.taxCents,
    totalCents: invoice.totalCents,
    amountPaidCents: invoice.amountPaidCents,
    amountRefundedCents: invoice.amountRefundedCents,
    balanceDueCents: UNPAID.includes(invoice.status)
      ? Math.max(0, invoice.totalCents - invoice.amountPaidCents)
      : 0,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    paidAt: invoice.paidAt,
    orderId: invoice.order.id,
    orderNumber: invoice.order.number,
    ...links(invoice, invoice.order),
  };
}

const orderSelect = { select: { id: true, number: true, status: true } } as const;

/** The client's invoices, newest first. */
export async function listPortalInvoices({
  ctx,
  client,
  input,
}: {
  ctx: TenantContext;
  client: PortalClient;
  input: PortalPageInput;
}) {
  const where = { order: clientOrderWhere(client.email) };
  const total = await ctx.tx.invoice.count({ where });
  const rows = await ctx.tx.invoice.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    include: { order: orderSelect },
  });
  return pageOf(input, total, rows.map(summary));
}

/** One of the client's invoices with its lines and payments; anyone else's is missing. */
export async function getPortalInvoice({
  ctx,
  client,
  invoiceId,
}: {
  ctx: TenantContext;
  client: PortalClient;
  invoiceId: string;
}) {
  const invoice = await ctx.tx.invoice.findFirst({
    where: { id: invoiceId, order: clientOrderWhere(client.email) },
    include: {
      order: orderSelect,
      lineItems: { orderBy: { position: 'asc' } },
      payments: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!invoice) throw AppError.notFound('Invoice');
  const org = await ctx.tx.organization.findUnique({
    where: { id: ctx.orgId },
    select: { name: true },
  });
  return {
    ...summary(invoice),
    orgName: org?.name ?? '',
    billedTo: client.email,
    taxableSubtotalCents: invoice.taxableSubtotalCents,
    taxRateBasis: invoice.taxRateBasis,
    lines: invoice.lineItems.map((line) => ({
      id: line.id,
      description: line.description,
      quantity: line.quantity,
      unitAmountCents: line.unitAmountCents,
      totalCents: line.totalCents,
      taxRateBps: line.taxRateBps,
    })),
    payments: invoice.payments.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      amountRefundedCents: p.amountRefundedCents,
      currency: p.currency,
      status: p.status,
      createdAt: p.createdAt,
    })),
  };
}
