import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { getMyVendor } from './get-my-vendor';

export async function requireMyVendor(ctx: TenantContext) {
  const vendor = await getMyVendor({ ctx });
  if (!vendor) throw new AppError('FORBIDDEN', 'You do not have a vendor profile yet');
  return vendor;
}

export async function vendorOrThrow(ctx: TenantContext, id: string) {
  const vendor = await ctx.tx.vendor.findUnique({ where: { id } });
  if (!vendor) throw AppError.notFound('Vendor');
  return vendor;
}
