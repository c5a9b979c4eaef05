import {
  archiveProduct,
  createProduct,
  createProductInput,
  deleteProduct,
  getProduct,
  getStorefrontProduct,
  listProducts,
  listProductsInput,
  listStorefrontProducts,
  productIdInput,
  replaceOptionsInput,
  replaceProductOptions,
  storefrontListInput,
  storefrontProductInput,
  updateProduct,
  updateProductInput,
} from '@souk/core';
import {
  createTRPCRouter,
  publicProcedure,
  requirePermission,
  withStorefrontOrg,
  withStorefrontScope,
} from '../trpc';
import {
  productOutput,
  productPageOutput,
  storefrontProductOutput,
  storefrontProductsOutput,
} from '../outputs/catalog';
import { deletedOutput } from '../outputs/shared';

const read = requirePermission('catalog.read');
// Once a catalog write has committed, this instance drops its cached storefront of the
// org, so whoever saved sees the change on their next read; other instances hear of it
// from the catalog trigger's notification.
const write = publicProcedure
  .use(async ({ ctx, next }) => {
    const result = await next();
    if (result.ok && ctx.session) ctx.storefrontCache?.apply({ org: ctx.session.orgId });
    return result;
  })
  .concat(requirePermission('catalog.write'));

export const catalogRouter = createTRPCRouter({
  listProducts: read
    .input(listProductsInput)
    .output(productPageOutput)
    .query(({ ctx, input }) => listProducts({ ctx: ctx.tenant, input })),
  getProduct: read
    .input(productIdInput)
    .output(productOutput)
    .query(({ ctx, input }) => getProduct({ ctx: ctx.tenant, id: input.id })),
  createProduct: write
    .input(createProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => createProduct({ ctx: ctx.tenant, input })),
  updateProduct: write
    .input(updateProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => updateProduct({ ctx: ctx.tenant, input })),
  replaceProductOptions: write
    .input(replaceOptionsInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => replaceProductOptions({ ctx: ctx.tenant, input })),
  archiveProduct: write
    .input(productIdInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => archiveProduct({ ctx: ctx.tenant, id: input.id })),
  deleteProduct: write
    .input(productIdInput)
    .output(deletedOutput)
    .mutation(({ ctx, input }) => deleteProduct({ ctx: ctx.tenant, id: input.id })),

  listStorefrontProducts: publicProcedure
    .input(storefrontListInput)
    .output(storefrontProductsOutput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listStorefrontProducts({ ctx: tenant })),
    ),
  getProductBySlug: publicProcedure
    .input(storefrontProductInput)
    .output(storefrontProductOutput)
    .query(({ ctx, input }) =>
      withStorefrontScope(ctx, input.orgSlug, (scope) => {
        const load = () =>
          scope.transaction((tenant) => getStorefrontProduct({ ctx: tenant, slug: input.slug }));
        return ctx.storefrontCache
          ? ctx.storefrontCache.product(scope.orgId, input.slug, load)
          : load();
      }),
    ),
});
