import { z } from 'zod';

/** The org's sales tax rate in basis points (825 = 8.25%). */
export const taxRateOutput = z.object({ taxRateBps: z.number(), updatedAt: z.date() });
