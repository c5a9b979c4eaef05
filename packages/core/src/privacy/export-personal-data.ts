import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import {
  invoiceLinesSelect,
  invoiceSnapshotSelect,
  paymentAmountsSelect,
} from '../checkout/invoice-selects';
import { bookingPaymentSummarySelect } from '../marketplace/booking-access';
import { orderRowSelect } from '../orders/list-orders';
import type { ExportPersonalDataInput } from './schemas';
import { linkedUserId, subjectByEmail, subjectOrdersWhere, type Subject } from './subject';

export const PERSONAL_DATA_FORMAT = 'souk.personal-data.v1';

const NO_ONE = 'No one with this email address has data in this organisation';

async function subjectOf(ctx: TenantContext, input: ExportPersonalDataInput): Promise<Subject> {
  if (input.customerId) {
    const user = await ctx.tx.user.findUnique({
      where: { id: input.customerId },
      select: { id: true, email: true, name: true },
    });
    if (!user || !(await linkedUserId(ctx.tx, user.id))) throw AppError.notFound('Customer');
    return { email: user.email.toLowerCase(), userId: user.id, name: user.name };
  }
  return subjectByEmail(ctx, input.email!);
}

/**
 * Spec 002 data export: everything this org holds about one person, as a JSON bundle of
 * metadata. Nothing that opens a door is in it: no password hash or TOTP secret, no storage
 * keys or signed URLs, no checkout URLs or client secrets, no staff names. Recorded as a
 * completed `export` data request and audited (`privacy.exported`, without the person's data).
 */
export async function exportPersonalData({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: ExportPersonalDataInput;
  now?: Date;
}) {
  const subject = await subjectOf(ctx, input);
  const { tx } = ctx;
  const { userId } = subject;

  // Sequential: queries in one interactive transaction share a single connection.
  const user = userId
    ? await tx.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          emailVerifiedAt: true,
          createdAt: true,
          disabledAt: true,
          anonymizedAt: true,
        },
      })
    : null;
  const membership = userId
    ? await tx.membership.findFirst({
        where: { userId },
        select: { role: true, createdAt: true, disabledAt: true, deletionRequestedAt: true },
      })
    : null;
  const orders = await tx.order.findMany({
    where: subjectOrdersWhere(subject),
    orderBy: { createdAt: 'asc' },
    select: {
      ...orderRowSelect,
      customerId: false,
      items: {
        select: {
          productName: true,
          quantity: true,
          unitPriceCents: true,
          totalCents: true,
          configuration: true,
        },
      },
    },
  });
  if (!userId && orders.length === 0) {
    throw new AppError('NOT_FOUND', NO_ONE, { fieldErrors: { email: [NO_ONE] } });
  }
  const orderIds = orders.map((o) => o.id);
  const invoices = await tx.invoice.findMany({
    where: { orderId: { in: orderIds } },
    orderBy: { issuedAt: 'asc' },
    select: {
      ...invoiceSnapshotSelect,
      orderId: true,
      dueAt: true,
      // The bundle's format (v1) has lines without ids.
      lineItems: { ...invoiceLinesSelect, select: { ...invoiceLinesSelect.select, id: false } },
    },
  });
  const payments = await tx.payment.findMany({
    where: { invoiceId: { in: invoices.map((i) => i.id) } },
    orderBy: { createdAt: 'asc' },
    select: { ...paymentAmountsSelect, invoiceId: true },
  });
  const refunds = await tx.refund.findMany({
    where: { orderId: { in: orderIds } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      orderId: true,
      paymentId: true,
      amountCents: true,
      currency: true,
      reason: true,
      status: true,
      createdAt: true,
    },
  });
  const bookings = userId
    ? await tx.booking.findMany({
        where: { organizerId: userId },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          number: true,
          status: true,
          eventDate: true,
          guestCount: true,
          locationText: true,
          notes: true,
          currency: true,
          totalCents: true,
          amountPaidCents: true,
          amountRefundedCents: true,
          createdAt: true,
          completedAt: true,
          cancelledAt: true,
          cancelReason: true,
          payments: { orderBy: { createdAt: 'asc' }, select: bookingPaymentSummarySelect },
        },
      })
    : [];
  const uploads = userId
    ? await tx.upload.findMany({
        where: { ownerId: userId },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          fileName: true,
          declaredType: true,
          sniffedType: true,
          declaredBytes: true,
          sizeBytes: true,
          bookingId: true,
          createdAt: true,
        },
      })
    : [];
  const notes = userId
    ? await tx.customerNote.findMany({
        where: { customerId: userId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, body: true, createdAt: true },
      })
    : [];
  const preference = userId
    ? await tx.customerPreference.findFirst({
        where: { userId },
        select: { orderUpdates: true, updatedAt: true },
      })
    : null;
  const vendor = userId
    ? await tx.vendor.findFirst({
        where: { userId },
        select: {
          id: true,
          type: true,
          displayName: true,
          description: true,
          city: true,
          status: true,
          createdAt: true,
        },
      })
    : null;

  const bundle = {
    format: PERSONAL_DATA_FORMAT,
    generatedAt: now,
    subject: { email: subject.email, userId, name: subject.name },
    account: user ? { user, membership } : null,
    orders,
    invoices,
    payments,
    refunds,
    bookings,
    files: uploads.map((u) => ({
      id: u.id,
      kind: u.kind,
      status: u.status,
      fileName: u.fileName,
      contentType: u.sniffedType ?? u.declaredType,
      sizeBytes: u.sizeBytes ?? u.declaredBytes,
      bookingId: u.bookingId,
      createdAt: u.createdAt,
    })),
    notes,
    preferences: preference,
    vendorProfile: vendor,
  };
  const counts = {
    orders: orders.length,
    invoices: invoices.length,
    payments: payments.length,
    refunds: refunds.length,
    bookings: bookings.length,
    files: uploads.length,
    notes: notes.length,
  };
  const request = await tx.dataRequest.create({
    data: {
      orgId: ctx.orgId,
      kind: 'export',
      status: 'completed',
      subjectEmail: subject.email,
      requestedById: ctx.actor?.userId ?? null,
      result: counts,
      completedAt: now,
    },
    select: { id: true },
  });
  // The audit row names the request, never the person: it outlives an erasure unchanged.
  await recordAudit(ctx, {
    action: 'privacy.exported',
    entityType: 'data_request',
    entityId: request.id,
    after: { kind: 'export', counts },
  });
  return { requestId: request.id, bundle };
}
