import { productListSelect, productListWhere } from '../catalog/list-products';
import { listProductsInput } from '../catalog/schemas';
import { NEWEST_FIRST } from '../page';
import { money } from './csv-cell';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

// The list's sort is not kept: rows come newest first, the order keyset paging can follow
// while people edit products during the download.
export const productsExport = defineListExport({
  permission: 'catalog.read',
  filters: listProductsInput.omit({ page: true, pageSize: true, sort: true, order: true }),
  page: ({ tx, filters, after, take }) =>
    tx.product.findMany({
      where: { AND: [productListWhere(filters), createdBefore(after)] },
      orderBy: NEWEST_FIRST,
      take,
      select: { ...productListSelect, createdAt: true },
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Name', value: (p) => p.name },
    { header: 'Slug', value: (p) => p.slug },
    { header: 'Status', value: (p) => p.status },
    { header: 'Base price', value: (p) => money(p.basePriceCents, p.currency) },
    { header: 'Currency', value: (p) => p.currency },
    { header: 'Image URL', value: (p) => p.imageUrl },
    { header: 'Created at', value: (p) => p.createdAt },
    { header: 'Updated at', value: (p) => p.updatedAt },
    { header: 'Product ID', value: (p) => p.id },
  ],
});
