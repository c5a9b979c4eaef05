import { z } from 'zod';
import {
  BookingStatus,
  DataRequestKind,
  DataRequestStatus,
  RefundStatus,
  Role,
  UploadKind,
  UploadStatus,
  VendorStatus,
  VendorType,
} from '@souk/db';
import { invoiceLineOutput, invoicePaymentOutput, invoiceRowOutput } from './finance';
import { bookingPaymentSummary } from './marketplace';
import { orderRowOutput } from './orders';
import { pageSchema } from './shared';

const money = {
  currency: z.string(),
};

/** The personal-data bundle (spec 002): metadata only, no keys, URLs, secrets or staff names. */
export const personalDataBundleOutput = z.object({
  format: z.string(),
  generatedAt: z.date(),
  subject: z.object({
    email: z.string(),
    userId: z.string().nullable(),
    name: z.string().nullable(),
  }),
  account: z
    .object({
      user: z.object({
        id: z.string(),
        email: z.string(),
        name: z.string().nullable(),
        emailVerifiedAt: z.date().nullable(),
        createdAt: z.date(),
        disabledAt: z.date().nullable(),
        anonymizedAt: z.date().nullable(),
      }),
      membership: z
        .object({
          role: z.enum(Role),
          createdAt: z.date(),
          disabledAt: z.date().nullable(),
          deletionRequestedAt: z.date().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  orders: z.array(
    orderRowOutput.omit({ customerId: true }).extend({
      items: z.array(
        z.object({
          productName: z.string(),
          quantity: z.number(),
          unitPriceCents: z.number(),
          totalCents: z.number(),
          configuration: z.unknown(),
        }),
      ),
    }),
  ),
  invoices: z.array(
    invoiceRowOutput
      .omit({ outstandingCents: true, orderNumber: true, customerEmail: true })
      .extend({
        taxableSubtotalCents: z.number(),
        taxRateBasis: z.number(),
        lineItems: z.array(invoiceLineOutput.omit({ id: true })),
      }),
  ),
  payments: z.array(
    invoicePaymentOutput.omit({ processorPaymentIntentId: true }).extend({ invoiceId: z.string() }),
  ),
  refunds: z.array(
    z.object({
      id: z.string(),
      orderId: z.string(),
      paymentId: z.string(),
      amountCents: z.number(),
      ...money,
      reason: z.string(),
      status: z.enum(RefundStatus),
      createdAt: z.date(),
    }),
  ),
  bookings: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: z.enum(BookingStatus),
      eventDate: z.date().nullable(),
      guestCount: z.number().nullable(),
      locationText: z.string(),
      notes: z.string(),
      ...money,
      totalCents: z.number(),
      amountPaidCents: z.number(),
      amountRefundedCents: z.number(),
      createdAt: z.date(),
      completedAt: z.date().nullable(),
      cancelledAt: z.date().nullable(),
      cancelReason: z.string().nullable(),
      payments: z.array(bookingPaymentSummary),
    }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(UploadKind),
      status: z.enum(UploadStatus),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      bookingId: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  notes: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.date() })),
  preferences: z.object({ orderUpdates: z.boolean(), updatedAt: z.date() }).nullable(),
  vendorProfile: z
    .object({
      id: z.string(),
      type: z.enum(VendorType),
      displayName: z.string(),
      description: z.string(),
      city: z.string(),
      status: z.enum(VendorStatus),
      createdAt: z.date(),
    })
    .nullable(),
});

export const exportPersonalDataOutput = z.object({
  requestId: z.string(),
  bundle: personalDataBundleOutput,
});

export const dataRequestOutput = z.object({
  id: z.string(),
  kind: z.enum(DataRequestKind),
  status: z.enum(DataRequestStatus),
  subjectEmail: z.string(),
  /** Counts of what the export held or the erasure changed. */
  result: z.unknown(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});

export const dataRequestPageOutput = pageSchema(dataRequestOutput);

export const requestDeletionOutput = z.object({
  request: dataRequestOutput,
  created: z.boolean(),
  matched: z.object({ account: z.boolean(), orders: z.number() }),
});

/** What one erasure changed (counts only: no personal data). */
export const erasureResultOutput = z.object({
  orders: z.number(),
  checkoutLinksVoided: z.number(),
  bookings: z.number(),
  filesDetached: z.number(),
  notes: z.number(),
  outboxMessages: z.number(),
  membershipRemoved: z.boolean(),
  accountAnonymized: z.boolean(),
  filesDeleted: z.number(),
  filesTombstoned: z.number(),
  rowsScrubbed: z.number(),
});

export const retentionCleanupOutput = z.object({
  requestsCompleted: z.number(),
  requests: z.array(z.object({ id: z.string(), result: erasureResultOutput })),
  filesDeleted: z.number(),
  filesTombstoned: z.number(),
  filesRetried: z.number(),
  filesGivenUp: z.number(),
});
