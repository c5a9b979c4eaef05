import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import { customerOrderBy, customerRows } from './customer-rows';
import type { ListCustomersInput } from './schemas';

/** The org's customers, searched by email or name, sorted and paged. */
export async function listCustomers({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListCustomersInput;
}) {
  const { skip, take } = pageArgs(input);
  const { rows, total } = await customerRows({
    tx: ctx.tx,
    search: input.search,
    orderBy: customerOrderBy(input.sort, input.order),
    limit: take,
    offset: skip,
  });
  // Past the last page the window count has no row to ride on: count on its own.
  const all =
    rows.length === 0 && skip > 0
      ? (
          await customerRows({
            tx: ctx.tx,
            search: input.search,
            orderBy: customerOrderBy(input.sort, input.order),
            limit: 1,
          })
        ).total
      : total;
  return pageOf(input, all, rows);
}
