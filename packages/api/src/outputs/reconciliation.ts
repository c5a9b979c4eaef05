import { z } from 'zod';
import {
  DISCREPANCY_KINDS,
  DISCREPANCY_SEVERITIES,
  DISCREPANCY_STATUSES,
  RECONCILED_OBJECT_KINDS,
  RECONCILIATION_RUN_STATUSES,
  RECONCILIATION_TRIGGERS,
} from '@souk/core';
import { pageSchema } from './shared';

const checkpointOutput = z.object({
  kind: z.string(),
  cursor: z.string().nullable(),
  objects: z.number(),
  found: z.number(),
  resumed: z.boolean().optional(),
  done: z.boolean().optional(),
  at: z.string(),
});

export const reconciliationRunOutput = z.object({
  id: z.string(),
  trigger: z.enum(RECONCILIATION_TRIGGERS),
  status: z.enum(RECONCILIATION_RUN_STATUSES),
  windowStart: z.date(),
  windowEnd: z.date(),
  pageLimit: z.number(),
  objectsSeen: z.number(),
  discrepanciesFound: z.number(),
  checkpoints: z.array(checkpointOutput),
  error: z.string().nullable(),
  startedByUserId: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const reconciliationRunPageOutput = pageSchema(reconciliationRunOutput);

export const reconciliationRunDetailOutput = reconciliationRunOutput.extend({
  foundByKind: z.array(z.object({ kind: z.enum(DISCREPANCY_KINDS), count: z.number() })),
});

export const discrepancyOutput = z.object({
  id: z.string(),
  runId: z.string(),
  kind: z.enum(DISCREPANCY_KINDS),
  severity: z.enum(DISCREPANCY_SEVERITIES),
  status: z.enum(DISCREPANCY_STATUSES),
  fingerprint: z.string(),
  processorObjectKind: z.enum(RECONCILED_OBJECT_KINDS).nullable(),
  processorObjectId: z.string().nullable(),
  localEntityType: z.string().nullable(),
  localEntityId: z.string().nullable(),
  currency: z.string().nullable(),
  processorAmountCents: z.number().nullable(),
  localAmountCents: z.number().nullable(),
  processorStatus: z.string().nullable(),
  localStatus: z.string().nullable(),
  note: z.string().nullable(),
  resolvedByUserId: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const discrepancyPageOutput = pageSchema(discrepancyOutput);
