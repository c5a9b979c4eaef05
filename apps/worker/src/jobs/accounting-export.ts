import {
  createOrgScope,
  exportAccountingMonth,
  previousAccountingMonth,
  type ExportDelivery,
  type RetryPolicy,
} from '@souk/core';
import type { Db } from '@souk/db';
import type { JobDefinition } from './runner';

/** Spec 002's job name (`--job accounting-export`). */
export const ACCOUNTING_EXPORT_QUEUE = 'accounting-export';

/** 03:00 UTC on the 1st: the previous month's invoices are all issued by then. */
export const ACCOUNTING_EXPORT_CRON = '0 3 1 * *';

export const ACCOUNTING_EXPORT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseBackoffSeconds: 60,
  backoffMultiplier: 2,
  maxBackoffSeconds: 3600,
  jitterSeconds: 30,
};

/**
 * Spec 002 "Accounting export v1", per org: the previous calendar month's accounting CSV,
 * stored in `export_events` or also sent as an outbox webhook (EXPORT_MODE). A retry or a
 * second run for the same month finds the month's row and changes nothing.
 */
export function accountingExportJob({
  db,
  cron = ACCOUNTING_EXPORT_CRON,
  delivery,
  now = () => new Date(),
}: {
  db: Db;
  cron?: string;
  /** EXPORT_MODE from @souk/core's env when unset. */
  delivery?: ExportDelivery;
  now?: () => Date;
}): JobDefinition {
  return {
    queue: ACCOUNTING_EXPORT_QUEUE,
    cron,
    perOrg: true,
    retry: ACCOUNTING_EXPORT_RETRY,
    handler: async ({ orgId, log }) => {
      const month = previousAccountingMonth(now());
      const { exportEvent, created } = await exportAccountingMonth({
        scope: createOrgScope({ db, orgId: orgId! }),
        month,
        ...(delivery ? { delivery } : {}),
      });
      if (created) {
        log.info(
          { month: month.label, rows: exportEvent.rowCount, status: exportEvent.status },
          'accounting export recorded',
        );
      }
    },
  };
}
