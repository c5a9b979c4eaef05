import type { Prisma } from '@souk/db';

/** A hosted checkout session as the admin sees it, with its invoice and order. */
export const checkoutSessionSelect = {
  id: true,
  invoiceId: true,
  processorSessionId: true,
  url: true,
  status: true,
  amountCents: true,
  currency: true,
  expiresAt: true,
  completedAt: true,
  abandonedAt: true,
  expiredAt: true,
  recoveryAttempts: true,
  lastRecoveryAt: true,
  lastPaymentError: true,
  replacedById: true,
  createdAt: true,
  updatedAt: true,
  invoice: {
    select: {
      number: true,
      status: true,
      order: { select: { id: true, number: true, customerEmail: true, status: true } },
    },
  },
} satisfies Prisma.HostedCheckoutSessionSelect;
