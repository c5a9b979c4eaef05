import {
  createStripeGateway,
  decryptSecret,
  paymentsEnv,
  type PaymentGateway,
} from '@souk/payments';
import type { Tx } from '@souk/db';
import { AppError } from '../errors';

export const SANDBOX_SECRET_KEY = 'sk_test_sandbox';

/**
 * Which processor account an org charges through: its own (encrypted) key, else the
 * platform's STRIPE_SECRET_KEY, else the local sandbox. Keys never leave the server.
 */
export async function resolveGateway(tx: Tx, orgId: string): Promise<PaymentGateway> {
  const account = await tx.paymentAccount.findUnique({ where: { orgId } });
  if (account) {
    if (!paymentsEnv.PAYMENTS_ENCRYPTION_KEY) {
      throw new AppError('INTERNAL', 'PAYMENTS_ENCRYPTION_KEY is needed to use stored credentials');
    }
    return createStripeGateway({
      secretKey: decryptSecret(account.secretKeyEncrypted, paymentsEnv.PAYMENTS_ENCRYPTION_KEY),
      apiUrl: paymentsEnv.STRIPE_API_URL,
    });
  }
  if (paymentsEnv.STRIPE_SECRET_KEY) {
    return createStripeGateway({ secretKey: paymentsEnv.STRIPE_SECRET_KEY });
  }
  if (paymentsEnv.STRIPE_API_URL) {
    return createStripeGateway({
      secretKey: SANDBOX_SECRET_KEY,
      apiUrl: paymentsEnv.STRIPE_API_URL,
    });
  }
  throw new AppError(
    'CONFLICT',
    'Payments are not configured: set STRIPE_SECRET_KEY or run the sandbox (pnpm start does)',
  );
}

/** Secrets that may have signed a webhook for this org: its own, then the platform's. */
export async function webhookSecretsFor(tx: Tx, orgId: string): Promise<string[]> {
  const secrets: string[] = [];
  const account = await tx.paymentAccount.findUnique({ where: { orgId } });
  if (account?.webhookSecretEncrypted && paymentsEnv.PAYMENTS_ENCRYPTION_KEY) {
    secrets.push(
      decryptSecret(account.webhookSecretEncrypted, paymentsEnv.PAYMENTS_ENCRYPTION_KEY),
    );
  }
  if (paymentsEnv.STRIPE_WEBHOOK_SECRET) secrets.push(paymentsEnv.STRIPE_WEBHOOK_SECRET);
  return secrets;
}
