import type { TenantContext } from '../context';
import { ERASED, erasedEmail, subjectOrdersWhere, type Subject } from './subject';

/** Memberships the person still has in other orgs (their own-rows policy lets us count them). */
async function otherOrgMemberships(ctx: TenantContext, userId: string): Promise<number> {
  await ctx.tx.$executeRaw`SELECT set_config('app.current_user_id', ${userId}, true)`;
  const count = await ctx.tx.membership.count({ where: { userId, orgId: { not: ctx.orgId } } });
  await ctx.tx.$executeRaw`SELECT set_config('app.current_user_id', '', true)`;
  return count;
}

export interface ErasureCounts {
  orders: number;
  checkoutLinksVoided: number;
  bookings: number;
  filesDetached: number;
  notes: number;
  outboxMessages: number;
  membershipRemoved: boolean;
  accountAnonymized: boolean;
}

/**
 * The row-by-row part of an erasure, in one transaction: this org's orders lose the email and
 * the link to the account, resume links are voided, bookings keep their money but lose their
 * free text, files are detached, notes, preferences, subscriptions, invitations and portal
 * sign-ins go, messages addressed to the person are redacted, and the membership is removed.
 * Invoices, their tax snapshots, payments, ledger and payouts are not touched.
 *
 * Users are global: the account itself is anonymised only when no other org has the person
 * as a member. Otherwise it stays as it is for the other orgs, and this org's rows that must
 * point at someone (bookings' organizer, files' owner, vendor profile) are moved to a fresh
 * anonymous account, so nothing here leads back to the person.
 */
export async function erasePerson(
  ctx: TenantContext,
  subject: Subject,
  now: Date,
): Promise<ErasureCounts> {
  const { tx } = ctx;
  const { userId, email } = subject;

  // Sequential: queries in one interactive transaction share a single connection.
  const orders = await tx.order.findMany({
    where: subjectOrdersWhere(subject),
    select: { id: true, invoice: { select: { id: true } } },
  });
  const orderIds = orders.map((o) => o.id);
  if (orderIds.length > 0) {
    await tx.$executeRaw`
      UPDATE orders SET "customerEmail" = 'erased+' || id::text || '@invalid', "customerId" = NULL
      WHERE id = ANY(${orderIds}::uuid[])`;
  }
  // No more recovery prompts about these orders: there is no one to send them to.
  await tx.checkoutOrchestration.updateMany({
    where: { orderId: { in: orderIds } },
    data: { nextActionAt: null },
  });
  const invoiceIds = orders.flatMap((o) => (o.invoice ? [o.invoice.id] : []));
  const { count: checkoutLinksVoided } = await tx.hostedCheckoutSession.updateMany({
    where: { invoiceId: { in: invoiceIds }, linksVoidedAt: null },
    data: { linksVoidedAt: now, lastPaymentError: null },
  });

  // Invitations, portal sign-ins and messages are addressed by email, account or not.
  await tx.invitation.deleteMany({ where: { email } });
  await tx.portalLoginToken.deleteMany({ where: { email } });
  await tx.portalSession.deleteMany({ where: { email } });
  const outbox = await tx.outboxEvent.findMany({
    where: { recipient: { equals: email, mode: 'insensitive' } },
    select: { id: true, status: true },
  });
  for (const message of outbox) {
    await tx.outboxEvent.update({
      where: { id: message.id },
      data: {
        recipient: erasedEmail(message.id),
        subject: ERASED,
        body: ERASED,
        // Nothing more is sent to an erased person.
        ...(message.status === 'pending'
          ? { status: 'dead' as const, lastError: 'Recipient erased (data deletion request)' }
          : {}),
      },
    });
  }

  const counts: ErasureCounts = {
    orders: orderIds.length,
    checkoutLinksVoided,
    bookings: 0,
    filesDetached: 0,
    notes: 0,
    outboxMessages: outbox.length,
    membershipRemoved: false,
    accountAnonymized: false,
  };
  if (!userId) return counts;

  const keepAccount = (await otherOrgMemberships(ctx, userId)) > 0;
  let standIn = userId;
  if (keepAccount) {
    const id = crypto.randomUUID();
    await tx.user.create({
      data: { id, email: erasedEmail(id), disabledAt: now, anonymizedAt: now },
    });
    standIn = id;
  }

  const bookings = await tx.booking.findMany({
    where: { organizerId: userId },
    select: { id: true },
  });
  const bookingIds = bookings.map((b) => b.id);
  counts.bookings = bookingIds.length;
  await tx.booking.updateMany({
    where: { id: { in: bookingIds } },
    data: { organizerId: standIn, locationText: '', notes: '', cancelReason: null },
  });
  // Files stay (their rows are the record of what was deleted) but no longer hang off a booking.
  const detached = await tx.upload.updateMany({
    where: { OR: [{ bookingId: { in: bookingIds } }, { ownerId: userId }] },
    data: { bookingId: null },
  });
  counts.filesDetached = detached.count;
  await tx.upload.updateMany({
    where: { ownerId: userId },
    data: { ownerId: standIn, fileName: ERASED, rejectReason: null },
  });
  await tx.bookingPayment.updateMany({
    where: { createdById: userId },
    data: { createdById: standIn },
  });
  await tx.dispute.updateMany({ where: { openedById: userId }, data: { openedById: standIn } });
  await tx.moderationEvent.updateMany({ where: { userId }, data: { userId: standIn } });
  await tx.vendor.updateMany({
    where: { userId },
    data: {
      userId: standIn,
      displayName: 'Erased vendor',
      description: '',
      city: '',
      reviewNote: null,
    },
  });
  counts.notes = (await tx.customerNote.deleteMany({ where: { customerId: userId } })).count;
  await tx.customerNote.updateMany({ where: { authorId: userId }, data: { authorId: null } });
  await tx.customerPreference.deleteMany({ where: { userId } });
  await tx.organizerSubscription.deleteMany({ where: { userId } });
  await tx.apiToken.deleteMany({ where: { userId } });
  counts.membershipRemoved = (await tx.membership.deleteMany({ where: { userId } })).count > 0;

  if (keepAccount) {
    // The account stays for the other orgs; nothing of this org points at it any more.
    await tx.auditLog.updateMany({ where: { actorId: userId }, data: { actorId: null } });
    await tx.authSession.deleteMany({ where: { userId, activeOrgId: ctx.orgId } });
    return counts;
  }
  const user = await tx.user.update({
    where: { id: userId },
    data: {
      email: erasedEmail(userId),
      name: null,
      passwordHash: null,
      emailVerifiedAt: null,
      mustChangePassword: false,
      totpSecretSealed: null,
      totpEnabledAt: null,
      totpLastStep: null,
      anonymizedAt: now,
    },
    select: { disabledAt: true },
  });
  if (!user.disabledAt) {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now } });
  }
  await tx.authSession.deleteMany({ where: { userId } });
  await tx.authAccount.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.authVerificationToken.deleteMany({ where: { identifier: email } });
  counts.accountAnonymized = true;
  return counts;
}
