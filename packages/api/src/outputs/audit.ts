import { z } from 'zod';
import { pageSchema } from './shared';

export const auditEntryOutput = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  requestId: z.string().nullable(),
  // Snapshots of whatever entity the action touched: free-form JSON, shown as it is.
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.date(),
});

export const auditPageOutput = pageSchema(auditEntryOutput);
