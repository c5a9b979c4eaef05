import { can } from '@souk/auth';
import { SEARCH_KIND_PERMISSIONS, SEARCH_KINDS, searchAdmin, searchAdminInput } from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { searchAdminOutput } from '../outputs/search';

export const searchRouter = createTRPCRouter({
  // Every staff role reads the catalog; each kind of result is then limited to the roles
  // that may read its list.
  searchAdmin: requirePermission('catalog.read')
    .input(searchAdminInput)
    .output(searchAdminOutput)
    .query(({ ctx, input }) =>
      searchAdmin({
        ctx: ctx.tenant,
        input,
        kinds: SEARCH_KINDS.filter((kind) => can(ctx.session.role, SEARCH_KIND_PERMISSIONS[kind])),
      }),
    ),
});
