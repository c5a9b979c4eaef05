import { z } from 'zod';
import { encryptSecret, decryptSecret, paymentsEnv } from '@souk/payments';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { text } from '../validation';
import { forgetWebhookSecrets } from './ingest/accept-delivery';

export const setPaymentCredentialsInput = z.object({
  secretKey: text({ max: 500, label: 'Secret key' }).regex(
    /^sk_(test|live)_[A-Za-z0-9_]{8,}$/,
    'Secret key must look like sk_test_… or sk_live_…',
  ),
  webhookSecret: text({ max: 500, label: 'Webhook secret' })
    .regex(/^whsec_[A-Za-z0-9_]{8,}$/, 'Webhook secret must look like whsec_…')
    .optional(),
});
export type SetPaymentCredentialsInput = z.infer<typeof setPaymentCredentialsInput>;

function encryptionKey(): string {
  const key = paymentsEnv.PAYMENTS_ENCRYPTION_KEY;
  if (!key) {
    throw new AppError(
      'CONFLICT',
      'Set PAYMENTS_ENCRYPTION_KEY before storing processor credentials',
    );
  }
  return key;
}

const last4 = (secret: string) => secret.slice(-4);

/** What an admin may know about the org's processor account: never the secret itself. */
export async function getPaymentCredentialsStatus({ ctx }: { ctx: TenantContext }) {
  const account = await ctx.tx.paymentAccount.findUnique({ where: { orgId: ctx.orgId } });
  if (account && paymentsEnv.PAYMENTS_ENCRYPTION_KEY) {
    const key = decryptSecret(account.secretKeyEncrypted, paymentsEnv.PAYMENTS_ENCRYPTION_KEY);
    return {
      source: 'org' as const,
      mode: key.startsWith('sk_live_') ? ('live' as const) : ('test' as const),
      secretKeyLast4: last4(key),
      hasWebhookSecret: account.webhookSecretEncrypted !== null,
      updatedAt: account.updatedAt,
    };
  }
  if (paymentsEnv.STRIPE_SECRET_KEY) return { source: 'platform' as const };
  return { source: 'sandbox' as const };
}

/** Per-org Stripe credentials, encrypted at rest (AES-256-GCM); audited without the values. */
export async function setPaymentCredentials({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: SetPaymentCredentialsInput;
}) {
  const key = encryptionKey();
  const existing = await ctx.tx.paymentAccount.findUnique({ where: { orgId: ctx.orgId } });
  const data = {
    secretKeyEncrypted: encryptSecret(input.secretKey, key),
    webhookSecretEncrypted: input.webhookSecret ? encryptSecret(input.webhookSecret, key) : null,
  };
  await ctx.tx.paymentAccount.upsert({
    where: { orgId: ctx.orgId },
    create: { orgId: ctx.orgId, ...data },
    update: data,
  });
  forgetWebhookSecrets(ctx.orgId);
  await recordAudit(ctx, {
    action: 'payment_credentials.set',
    entityType: 'payment_account',
    entityId: ctx.orgId,
    before: existing ? { configured: true } : { configured: false },
    after: {
      configured: true,
      secretKeyLast4: last4(input.secretKey),
      hasWebhookSecret: Boolean(input.webhookSecret),
    },
  });
  return getPaymentCredentialsStatus({ ctx });
}
