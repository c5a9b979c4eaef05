import { z } from 'zod';

/** One whitelisted setting; secrets read `<redacted>` or `(not set)`. */
export const configItemOutput = z.object({ key: z.string(), group: z.string(), value: z.string() });
export const configOutput = z.array(configItemOutput);

export const featureFlagOutput = z.object({
  key: z.string(),
  value: z.string(),
  effect: z.string(),
});
export const featureFlagsOutput = z.array(featureFlagOutput);

export const healthCheckOutput = z.object({
  name: z.string(),
  status: z.enum(['ok', 'degraded', 'down']),
  detail: z.string(),
});
export const healthDetailsOutput = z.object({
  checkedAt: z.date(),
  checks: z.array(healthCheckOutput),
});
