// Shared pieces of the t3-env schemas (packages/*/src/env.ts, apps/*/src/env.ts).
// Pure: reads no environment itself.
import type { StandardSchemaV1 } from '@t3-oss/env-core';
import { z } from 'zod';

/**
 * An on/off switch: `true`/`1` or `false`/`0`. Unset (or empty, which t3-env's
 * `emptyStringAsUndefined` turns into unset) takes `fallback`.
 */
export const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');

const segmentName = (segment: PropertyKey | StandardSchemaV1.PathSegment) =>
  String(typeof segment === 'object' ? segment.key : segment);

/**
 * `onValidationError` for createEnv: fails at boot with every bad variable named,
 * `invalid <scope> environment:\n  NAME: message`, instead of t3-env's generic error.
 */
export function failOnInvalidEnv(scope: string) {
  return (issues: readonly StandardSchemaV1.Issue[]): never => {
    const problems = issues.map(
      (issue) => `  ${(issue.path ?? []).map(segmentName).join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid ${scope} environment:\n${problems.join('\n')}`);
  };
}
