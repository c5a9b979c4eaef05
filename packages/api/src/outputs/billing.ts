import { z } from 'zod';
import { OrgBillingStatus, UsageMetric } from '@souk/db';

/** The org's plan as the billing status view shows it (spec 002 `/v1/billing/status`). */
export const billingStatusOutput = z.object({
  planCode: z.string(),
  status: z.enum(OrgBillingStatus),
  maxWorkers: z.number(),
  maxBookingsPerMonth: z.number(),
  maxStorageBytes: z.number(),
  metadata: z.unknown(),
  pauseReasonCode: z.string().nullable(),
  pausedAt: z.date().nullable(),
  resumeReasonCode: z.string().nullable(),
  resumedAt: z.date().nullable(),
  updatedAt: z.date(),
});

const usageMetricOutput = z.object({
  metric: z.enum(UsageMetric),
  label: z.string(),
  value: z.number(),
  limit: z.number(),
  overLimit: z.boolean(),
  overageBy: z.number(),
  /** The counter recorded as things happened; null when none was ever recorded. */
  recorded: z.number().nullable(),
  driftDetected: z.boolean(),
});

/** Usage against the plan's limits for one month (spec 002 `/v1/billing/usage/report`). */
export const usageReportOutput = z.object({
  month: z.string(),
  planCode: z.string(),
  status: z.enum(OrgBillingStatus),
  metrics: z.array(usageMetricOutput),
  overLimit: z.boolean(),
  driftDetected: z.boolean(),
});
