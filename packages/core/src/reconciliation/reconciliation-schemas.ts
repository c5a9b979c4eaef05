import { z } from 'zod';
import { int, page, pageSize, text, uuidId } from '../validation';

export const DISCREPANCY_KINDS = [
  'missing_locally',
  'amount_mismatch',
  'status_mismatch',
  'refund_missing',
  'unknown_to_processor',
  'session_paid_open_locally',
] as const;
export type DiscrepancyKindName = (typeof DISCREPANCY_KINDS)[number];

export const DISCREPANCY_SEVERITIES = ['low', 'medium', 'high'] as const;
export const DISCREPANCY_STATUSES = ['open', 'resolved', 'explained'] as const;
export const RECONCILIATION_TRIGGERS = ['schedule', 'cli', 'admin'] as const;
export const RECONCILIATION_RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export const RECONCILED_OBJECT_KINDS = [
  'event',
  'payment_intent',
  'charge',
  'refund',
  'checkout_session',
] as const;
export type ReconciledObjectKindName = (typeof RECONCILED_OBJECT_KINDS)[number];

/** Spec 004: `--hours 24 --limit 100`; Stripe keeps events 30 days, so look back no further. */
export const MAX_RECONCILIATION_HOURS = 720;
export const MAX_RECONCILIATION_PAGE = 100;

export const reconciliationHours = () =>
  int({
    label: 'Hours',
    min: 1,
    max: MAX_RECONCILIATION_HOURS,
    message: 'Hours must be a whole number',
  });
export const reconciliationLimit = () =>
  int({
    label: 'Limit',
    min: 1,
    max: MAX_RECONCILIATION_PAGE,
    message: 'Limit must be a whole number',
  });

export const startReconciliationRunInput = z.object({
  hours: reconciliationHours().default(24),
  limit: reconciliationLimit().default(100),
});
export type StartReconciliationRunInput = z.infer<typeof startReconciliationRunInput>;

export const listReconciliationRunsInput = z.object({
  page: page(),
  pageSize: pageSize(25),
});
export type ListReconciliationRunsInput = z.infer<typeof listReconciliationRunsInput>;

export const reconciliationRunIdInput = z.object({ runId: uuidId('Unknown reconciliation run') });
export type ReconciliationRunIdInput = z.infer<typeof reconciliationRunIdInput>;

export const listDiscrepanciesInput = z.object({
  status: z.enum(DISCREPANCY_STATUSES).optional(),
  kind: z.enum(DISCREPANCY_KINDS).optional(),
  severity: z.enum(DISCREPANCY_SEVERITIES).optional(),
  runId: uuidId('Unknown reconciliation run').optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListDiscrepanciesInput = z.infer<typeof listDiscrepanciesInput>;

export const discrepancyIdInput = z.object({ discrepancyId: uuidId('Unknown discrepancy') });
export type DiscrepancyIdInput = z.infer<typeof discrepancyIdInput>;

export const DISCREPANCY_NOTE_MAX = 500;

export const resolveDiscrepancyInput = z
  .object({
    discrepancyId: uuidId('Unknown discrepancy'),
    action: z.enum(['apply', 'explain', 'reopen'], {
      error: 'Action must be apply, explain or reopen',
    }),
    note: text({ max: DISCREPANCY_NOTE_MAX, label: 'Note' }).optional(),
  })
  .superRefine((value, issue) => {
    if (value.action === 'explain' && !value.note) {
      issue.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Say why the difference is expected (a note of 1 to 500 characters)',
      });
    }
  });
export type ResolveDiscrepancyInput = z.infer<typeof resolveDiscrepancyInput>;

/** How people read a kind (the queue's filter and badges use the same words). */
export const DISCREPANCY_KIND_WORDS: Record<DiscrepancyKindName, string> = {
  missing_locally: 'Payment missing in Souk',
  amount_mismatch: 'Amount differs',
  status_mismatch: 'Status differs',
  refund_missing: 'Refund missing in Souk',
  unknown_to_processor: 'Unknown to the processor',
  session_paid_open_locally: 'Paid at the processor, open in Souk',
};

/** `pnpm reconcile` flags, as text from the command line. */
export const reconcileFlagsInput = z.object({
  hours: z.coerce.number({ error: 'Hours must be a whole number' }).pipe(reconciliationHours()),
  limit: z.coerce.number({ error: 'Limit must be a whole number' }).pipe(reconciliationLimit()),
  org: text({ max: 100, min: 1, label: 'Org' }).optional(),
});

/** The Explain dialog's form: the note the server requires for `explain`. */
export const explainDiscrepancyForm = z.object({
  note: text({ min: 1, max: DISCREPANCY_NOTE_MAX, label: 'Note' }),
});
