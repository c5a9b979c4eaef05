import { markOverdueInvoices, type RetryPolicy } from '@souk/core';
import { withOrg, type Db } from '@souk/db';
import type { JobDefinition } from './runner';

export const INVOICE_OVERDUE_QUEUE = 'invoice_overdue_sweep';

export const INVOICE_OVERDUE_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 60,
  backoffMultiplier: 2,
  maxBackoffSeconds: 900,
  jitterSeconds: 30,
};

/** Spec 002 invoices: hourly, per org, open and partly paid invoices past due become overdue. */
export function invoiceOverdueJob({ db, cron }: { db: Db; cron: string }): JobDefinition {
  return {
    queue: INVOICE_OVERDUE_QUEUE,
    cron,
    perOrg: true,
    retry: INVOICE_OVERDUE_RETRY,
    handler: async ({ orgId, log }) => {
      const moved = await withOrg(db, orgId!, (tx) =>
        markOverdueInvoices({ ctx: { tx, orgId: orgId!, actor: null, requestId: null } }),
      );
      if (moved > 0) log.info({ moved }, INVOICE_OVERDUE_QUEUE);
    },
  };
}
