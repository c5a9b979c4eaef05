import { z } from 'zod';
import { dateOnly } from '../validation';

/** The dashboard's date range: whole UTC days, both ends included; omitted ends default. */
export const getDashboardInput = z.object({
  from: dateOnly('The start date must be a date (YYYY-MM-DD)', 'The start date').optional(),
  to: dateOnly('The end date must be a date (YYYY-MM-DD)', 'The end date').optional(),
});
export type GetDashboardInput = z.infer<typeof getDashboardInput>;
