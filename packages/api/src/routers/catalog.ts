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
import { createTRPCRouter, publicProcedure, requirePermission, withStorefrontOrg } from '../trpc';

const read = requirePermission('catalog.read');
const write = requirePermission('catalog.write');

export const catalogRouter = createTRPCRouter({
  list: read
    .input(listProductsInput)
    .query(({ ctx, input }) => listProducts({ ctx: ctx.tenant, input })),
  getById: read
    .input(productIdInput)
    .query(({ ctx, input }) => getProduct({ ctx: ctx.tenant, id: input.id })),
  create: write
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct({ ctx: ctx.tenant, input })),
  update: write
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct({ ctx: ctx.tenant, input })),
  replaceOptions: write
    .input(replaceOptionsInput)
    .mutation(({ ctx, input }) => replaceProductOptions({ ctx: ctx.tenant, input })),
  archive: write
    .input(productIdInput)
    .mutation(({ ctx, input }) => archiveProduct({ ctx: ctx.tenant, id: input.id })),
  delete: write
    .input(productIdInput)
    .mutation(({ ctx, input }) => deleteProduct({ ctx: ctx.tenant, id: input.id })),

  listPublic: publicProcedure
    .input(storefrontListInput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listStorefrontProducts({ ctx: tenant })),
    ),
  getBySlug: publicProcedure
    .input(storefrontProductInput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) =>
        getStorefrontProduct({ ctx: tenant, slug: input.slug }),
      ),
    ),
});
