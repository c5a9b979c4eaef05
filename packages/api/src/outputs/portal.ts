import { z } from 'zod';
import {
  BookingStatus,
  BookingVendorRole,
  BookingVendorStatus,
  InvoiceStatus,
  OrderStatus,
  VendorType,
} from '@souk/db';
import { invoiceLineOutput, invoicePaymentOutput, invoiceRowOutput } from './finance';
import { bookingPaymentSummary } from './marketplace';
import { pageSchema } from './shared';

export const portalLinkRequestedOutput = z.object({ message: z.string() });

/** Returned once: the cookie value (web) or the Bearer token (API clients). */
export const portalSessionOutput = z.object({
  sessionToken: z.string(),
  email: z.string(),
  expiresAt: z.date(),
});

export const portalSignedOutOutput = z.object({ signedOut: z.literal(true) });

export const portalMeOutput = z.object({
  email: z.string(),
  orgName: z.string(),
  expiresAt: z.date(),
});

const amounts = z.object({
  totalCents: z.number(),
  depositCents: z.number(),
  paidCents: z.number(),
  refundedCents: z.number(),
  balanceDueCents: z.number(),
});

const bookingSummary = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(BookingStatus),
  statusLabel: z.string(),
  eventDate: z.date().nullable(),
  guestCount: z.number().nullable(),
  locationText: z.string(),
  currency: z.string(),
  amounts,
  vendorNames: z.array(z.string()),
  createdAt: z.date(),
});

export const portalBookingsOutput = z.object({
  upcoming: z.array(bookingSummary),
  others: z.array(bookingSummary),
});

export const portalBookingOutput = bookingSummary.extend({
  notes: z.string(),
  completedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  vendors: z.array(
    z.object({
      id: z.string(),
      role: z.enum(BookingVendorRole),
      status: z.enum(BookingVendorStatus),
      agreedAmountCents: z.number().nullable(),
      displayName: z.string(),
      vendorType: z.enum(VendorType),
      city: z.string(),
    }),
  ),
  payments: z.array(bookingPaymentSummary),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().nullable(),
      /** An app link (`/api/portal/files/…?exp&sig`), never a storage URL. */
      url: z.string(),
      urlExpiresAt: z.date(),
    }),
  ),
});

/** The admin's invoice row, in the customer's words: a balance due and where to pay it. */
const invoiceSummary = invoiceRowOutput
  .omit({ outstandingCents: true, customerEmail: true })
  .extend({
    balanceDueCents: z.number(),
    payUrl: z.string().nullable(),
    receiptUrl: z.string().nullable(),
  });

export const portalInvoicesOutput = pageSchema(invoiceSummary);

export const portalInvoiceOutput = invoiceSummary.extend({
  orgName: z.string(),
  billedTo: z.string(),
  taxableSubtotalCents: z.number(),
  taxRateBasis: z.number(),
  lines: z.array(invoiceLineOutput),
  payments: z.array(invoicePaymentOutput.omit({ processorPaymentIntentId: true })),
});

const orderInvoice = z
  .object({ id: z.string(), number: z.number(), status: z.enum(InvoiceStatus) })
  .nullable();

export const portalOrdersOutput = pageSchema(
  z.object({
    id: z.string(),
    number: z.number(),
    status: z.enum(OrderStatus),
    currency: z.string(),
    totalCents: z.number(),
    createdAt: z.date(),
    paidAt: z.date().nullable(),
    items: z.array(z.object({ productName: z.string(), quantity: z.number() })),
    invoice: orderInvoice,
  }),
);

export const portalOrderOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(OrderStatus),
  currency: z.string(),
  subtotalCents: z.number(),
  taxCents: z.number(),
  totalCents: z.number(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  invoice: orderInvoice,
  items: z.array(
    z.object({
      id: z.string(),
      productName: z.string(),
      quantity: z.number(),
      unitPriceCents: z.number(),
      totalCents: z.number(),
    }),
  ),
});
