export * from './errors';
export * from './money';
export type { Actor, TenantContext } from './context';
export { recordAudit } from './audit/record-audit';
export { listAuditLogs, listAuditLogsInput } from './audit/list-audit-logs';
export { findOrganizationBySlug } from './org/find-organization';
export * from './catalog/schemas';
export { calculatePrice, emptySelection } from './catalog/calculate-price';
export type * from './catalog/calculate-price';
export { createProduct } from './catalog/create-product';
export { SLUG_TAKEN } from './catalog/product-shape';
export { updateProduct } from './catalog/update-product';
export { replaceProductOptions } from './catalog/replace-product-options';
export { archiveProduct } from './catalog/archive-product';
export { deleteProduct } from './catalog/delete-product';
export { listProducts } from './catalog/list-products';
export { getProduct } from './catalog/get-product';
export { getStorefrontProduct } from './catalog/get-storefront-product';
export { listStorefrontProducts } from './catalog/list-storefront-products';
export type {
  AdminProduct,
  StorefrontProduct,
  ProductConfiguration,
} from './catalog/product-shape';
export { createLogger, type Logger } from './logger';
export { listMembers } from './org/list-members';
