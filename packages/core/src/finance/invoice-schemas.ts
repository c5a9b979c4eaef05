import { z } from 'zod';
import { dateOnly, page, pageSize, text, uuidId } from '../validation';

export const INVOICE_STATUSES = ['open', 'partial', 'paid', 'overdue', 'refunded', 'void'] as const;
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

/** Statuses of an invoice that still waits for money (spec 002's SENT, PARTIAL, OVERDUE). */
export const UNPAID_INVOICE_STATUSES = ['open', 'partial', 'overdue'] as const;

/** How a refusal names an invoice's status (the same words as the admin's status badges). */
export const INVOICE_STATUS_WORDS: Record<InvoiceStatusName, string> = {
  open: 'open',
  partial: 'partly paid',
  paid: 'paid',
  overdue: 'overdue',
  refunded: 'refunded',
  void: 'void',
};

export const listInvoicesInput = z.object({
  search: text({ max: 200, label: 'Search' }).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  from: dateOnly('From must be a date (YYYY-MM-DD)', 'From').optional(),
  to: dateOnly('To must be a date (YYYY-MM-DD)', 'To').optional(),
  page: page(),
  pageSize: pageSize(25),
  sort: z.enum(['issuedAt', 'dueAt', 'totalCents', 'number']).default('issuedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListInvoicesInput = z.infer<typeof listInvoicesInput>;

export const invoiceIdInput = z.object({ invoiceId: uuidId('Unknown invoice') });
export type InvoiceIdInput = z.infer<typeof invoiceIdInput>;

export const listInvoiceMismatchesInput = z.object({
  status: z.enum(['mismatch', 'all']).default('mismatch'),
  page: page(),
  pageSize: pageSize(50),
});
export type ListInvoiceMismatchesInput = z.infer<typeof listInvoiceMismatchesInput>;

export const listInvoiceQueueInput = z.object({
  status: z.enum(['overdue', 'unpaid', 'all']).default('all'),
  page: page(),
  pageSize: pageSize(50),
});
export type ListInvoiceQueueInput = z.infer<typeof listInvoiceQueueInput>;

/** Reports cover whole UTC months; five years at most, so one answer stays small. */
export const MAX_REPORT_MONTHS = 60;

export const financeReportInput = z
  .object({
    from: dateOnly('From must be a date (YYYY-MM-DD)', 'From').optional(),
    to: dateOnly('To must be a date (YYYY-MM-DD)', 'To').optional(),
  })
  .superRefine((value, issue) => {
    if (value.from && value.to && value.from > value.to) {
      issue.addIssue({ code: 'custom', path: ['to'], message: 'To must not be before From' });
    }
  });
export type FinanceReportInput = z.infer<typeof financeReportInput>;
