import type { Tx } from '@souk/db';
import { fingerprintOf, type Finding } from './compare-processor-page';

/**
 * Records findings once ever per org: the fingerprint is unique, so a disagreement a
 * run (this one or an earlier one) already reported is skipped (ON CONFLICT DO NOTHING).
 * Returns how many are new.
 */
export async function recordDiscrepancies(
  tx: Tx,
  orgId: string,
  runId: string,
  findings: Finding[],
): Promise<number> {
  if (findings.length === 0) return 0;
  const unique = new Map(findings.map((f) => [fingerprintOf(f), f]));
  const { count } = await tx.reconciliationDiscrepancy.createMany({
    data: [...unique].map(([fingerprint, f]) => ({ orgId, runId, fingerprint, ...f })),
    skipDuplicates: true,
  });
  return count;
}
