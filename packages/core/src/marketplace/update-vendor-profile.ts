import type { z } from 'zod';
import type { TenantContext } from '../context';
import type { updateVendorProfileInput } from './schemas';
import { requireMyVendor } from './vendor-lookup';

export async function updateVendorProfile({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof updateVendorProfileInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  return ctx.tx.vendor.update({ where: { id: vendor.id }, data: input });
}
