import { z } from 'zod';
import { ExportMode, ExportStatus } from '@souk/db';
import { pageSchema } from './shared';

/** An accounting export as finance lists it; the file itself comes from its download route. */
export const exportEventOutput = z.object({
  id: z.string(),
  mode: z.enum(ExportMode),
  status: z.enum(ExportStatus),
  periodStart: z.date(),
  periodEnd: z.date(),
  fileName: z.string(),
  rowCount: z.number(),
  outboxEventId: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const exportEventPageOutput = pageSchema(exportEventOutput);

export const exportMonthOutput = z.object({
  exportEvent: exportEventOutput,
  /** False when the month had been exported already (nothing was built or sent again). */
  created: z.boolean(),
});
