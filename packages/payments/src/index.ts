export * from './gateway';
export { pageThrough, type PageThrough, type ProcessorPage } from './page-through';
export {
  createStripeGateway,
  createStripeClient,
  type StripeGatewayOptions,
} from './stripe-gateway';
export {
  checkWebhookSignature,
  verifyWebhookSignature,
  WebhookSignatureError,
  SIGNATURE_TOLERANCE_SECONDS,
} from './webhook-signature';
export { encryptSecret, decryptSecret } from './crypto';
export { paymentsEnv } from './env';
export { STRIPE_MINIMUM_CHARGE, minimumChargeCents, isBelowMinimumCharge } from './minimum-charge';
