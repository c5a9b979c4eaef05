import type { Db } from '@souk/db';

/**
 * Background jobs work tenant by tenant: each org's rows are only reachable inside
 * its own RLS transaction. Organizations themselves are not tenant rows.
 */
export async function listOrgIds(db: Db): Promise<string[]> {
  const orgs = await db.organization.findMany({
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return orgs.map((o) => o.id);
}
