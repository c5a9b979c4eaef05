import type { Db } from '@souk/db';
import { AppError } from '../errors';

/** Organizations are the tenants themselves (no RLS): resolving one needs no org context. */
export async function findOrganizationBySlug({ db, slug }: { db: Db; slug: string }) {
  const org = await db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!org) throw AppError.notFound('Organization');
  return org;
}
