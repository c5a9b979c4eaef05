import { z } from 'zod';
import { int, text } from '../validation';

export const SEARCH_KINDS = ['order', 'customer', 'product', 'booking', 'vendor'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The list permission each kind of result needs: search shows nothing its list would hide. */
export const SEARCH_KIND_PERMISSIONS = {
  order: 'orders.read',
  customer: 'customers.read',
  product: 'catalog.read',
  booking: 'marketplace.read',
  vendor: 'marketplace.read',
} as const satisfies Record<SearchKind, string>;

export const SEARCH_LIMIT_MAX = 20;

export const searchAdminInput = z.object({
  q: text({ min: 1, max: 200, label: 'Search' }),
  limit: int({ min: 1, max: SEARCH_LIMIT_MAX, label: 'Results per kind' }).default(5),
});
export type SearchAdminInput = z.infer<typeof searchAdminInput>;
