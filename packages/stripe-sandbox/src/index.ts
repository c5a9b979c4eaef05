export { startStripeSandbox, SANDBOX_API_KEY } from './server';
export type { StripeSandbox, StripeSandboxOptions, WebhookEndpointOption } from './server';
export { signPayload } from './signature';
export { formatAmount } from './money';
export { SANDBOX_API_VERSION, SandboxStore } from './state';
export type { DeliveryMode, DeliveryRecord, RetryOptions } from './webhooks';
export type * from './types';
