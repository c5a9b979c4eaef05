import { z } from 'zod';
import { int, partialUpdate, text, uuidId } from '../validation';

// Browser-safe (no environment, no database): the admin template form checks drafts with it.
export const templateInput = z.object({
  name: text({ min: 2, max: 120, label: 'Name' }),
  summary: text({ max: 500, label: 'Summary' }).default(''),
  details: text({ max: 20_000, label: 'Details' }).default(''),
  suggestedGuests: int({ label: 'Suggested guests', min: 1, max: 100_000 })
    .nullable()
    .default(null),
  mediaUploadIds: z
    .array(uuidId('Unknown upload'))
    .max(20, 'A template has at most 20 media files')
    .default([]),
});

// Only the fields sent change: `.partial()` alone would re-apply the create defaults.
export const updateTemplateInput = partialUpdate(templateInput).extend({
  id: uuidId('Unknown template'),
});
