// What the operator views show (spec 002): the whitelisted settings, read from each
// package's parsed env (never process.env), and the feature flags with their effect.
// Adding a setting here is a decision: anything not listed is never shown.
import { authEnv, type TrustedCidr } from '@souk/auth';
import { coreEnv, redactConfig, type ConfigItem, type ConfigSetting } from '@souk/core';
import { paymentsEnv } from '@souk/payments';
import { apiEnv } from '../env';

const cidrs = (list: readonly TrustedCidr[]) =>
  list.map(([address, bits]) => `${address.toString()}/${bits}`);
const percent = (bps: number) => `${bps / 100}%`;

function settings(): ConfigSetting[] {
  const general = 'General';
  const auth = 'Auth & portals';
  const database = 'Database';
  const limits = 'Rate limiting';
  const safety = 'Admin safety';
  const stripe = 'Stripe';
  const email = 'Email';
  const storage = 'Storage';
  const marketplace = 'Marketplace';
  const flags = 'Feature flags';
  const listed: ConfigSetting[] = [
    { group: general, key: 'PUBLIC_WEB_URL', value: coreEnv.PUBLIC_WEB_URL },
    { group: general, key: 'STOREFRONT_ORG_SLUG', value: apiEnv.STOREFRONT_ORG_SLUG },
    { group: general, key: 'LOG_LEVEL', value: coreEnv.LOG_LEVEL },
    { group: auth, key: 'NEXTAUTH_URL', value: authEnv.NEXTAUTH_URL },
    { group: auth, key: 'NEXTAUTH_SECRET', value: authEnv.NEXTAUTH_SECRET, secret: true },
    { group: auth, key: 'SESSION_MAX_AGE_SECONDS', value: authEnv.SESSION_MAX_AGE_SECONDS },
    { group: auth, key: 'ACCESS_TOKEN_EXPIRE_MINUTES', value: authEnv.ACCESS_TOKEN_EXPIRE_MINUTES },
    { group: auth, key: 'REFRESH_TOKEN_EXPIRE_DAYS', value: authEnv.REFRESH_TOKEN_EXPIRE_DAYS },
    { group: auth, key: 'BCRYPT_COST', value: authEnv.BCRYPT_COST },
    { group: auth, key: 'SOUK_LINK_SECRET', value: coreEnv.SOUK_LINK_SECRET, secret: true },
    {
      group: auth,
      key: 'CLIENT_PORTAL_SECRET',
      value: coreEnv.CLIENT_PORTAL_SECRET,
      secret: true,
    },
    {
      group: auth,
      key: 'CLIENT_PORTAL_TOKEN_TTL_MINUTES',
      value: coreEnv.CLIENT_PORTAL_TOKEN_TTL_MINUTES,
    },
    {
      group: auth,
      key: 'CLIENT_PORTAL_SESSION_TTL_HOURS',
      value: coreEnv.CLIENT_PORTAL_SESSION_TTL_HOURS,
    },
    { group: auth, key: 'CHECKOUT_API_KEY', value: apiEnv.CHECKOUT_API_KEY, secret: true },
    // Connection strings carry the password: always redacted, whatever they look like.
    { group: database, key: 'DATABASE_URL', value: coreEnv.DATABASE_URL, secret: true },
    { group: database, key: 'DATABASE_APP_URL', value: coreEnv.DATABASE_APP_URL, secret: true },
    {
      group: database,
      key: 'DATABASE_APP_PASSWORD',
      value: coreEnv.DATABASE_APP_PASSWORD,
      secret: true,
    },
    { group: database, key: 'DATABASE_POOL_MAX', value: coreEnv.DATABASE_POOL_MAX },
    { group: limits, key: 'REDIS_URL', value: authEnv.REDIS_URL, secret: true },
    {
      group: limits,
      key: 'LOGIN_RATE_LIMIT_PER_MINUTE',
      value: authEnv.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    {
      group: limits,
      key: 'REFRESH_RATE_LIMIT_PER_MINUTE',
      value: authEnv.REFRESH_RATE_LIMIT_PER_MINUTE,
    },
    {
      group: limits,
      key: 'PLANNER_RATE_LIMIT_PER_MINUTE',
      value: authEnv.PLANNER_RATE_LIMIT_PER_MINUTE,
    },
    {
      group: limits,
      key: 'BOOKING_PAY_RATE_LIMIT_PER_MINUTE',
      value: coreEnv.BOOKING_PAY_RATE_LIMIT_PER_MINUTE,
    },
    { group: limits, key: 'TRUSTED_PROXY_CIDRS', value: cidrs(authEnv.TRUSTED_PROXY_CIDRS) },
    { group: safety, key: 'ADMIN_READ_ONLY', value: apiEnv.ADMIN_READ_ONLY },
    { group: safety, key: 'ADMIN_MFA_REQUIRED', value: apiEnv.ADMIN_MFA_REQUIRED },
    {
      group: safety,
      key: 'ADMIN_IP_ALLOWLIST_CIDRS',
      value: cidrs(authEnv.ADMIN_IP_ALLOWLIST_CIDRS),
    },
    { group: stripe, key: 'STRIPE_SECRET_KEY', value: paymentsEnv.STRIPE_SECRET_KEY },
    { group: stripe, key: 'STRIPE_WEBHOOK_SECRET', value: paymentsEnv.STRIPE_WEBHOOK_SECRET },
    { group: stripe, key: 'STRIPE_API_URL', value: paymentsEnv.STRIPE_API_URL },
    { group: stripe, key: 'PAYMENTS_ENCRYPTION_KEY', value: paymentsEnv.PAYMENTS_ENCRYPTION_KEY },
    { group: email, key: 'SMTP_URL', value: coreEnv.SMTP_URL, secret: true },
    { group: email, key: 'SENDGRID_API_KEY', value: coreEnv.SENDGRID_API_KEY },
    { group: email, key: 'MAIL_FROM', value: coreEnv.MAIL_FROM },
    { group: email, key: 'EMAIL_TEMP_PASSWORDS', value: authEnv.EMAIL_TEMP_PASSWORDS },
    { group: email, key: 'OUTBOX_MAX_ATTEMPTS', value: coreEnv.OUTBOX_MAX_ATTEMPTS },
    {
      group: email,
      key: 'OUTBOX_BASE_BACKOFF_SECONDS',
      value: coreEnv.OUTBOX_BASE_BACKOFF_SECONDS,
    },
    { group: email, key: 'OUTGOING_WEBHOOK_URL', value: coreEnv.OUTGOING_WEBHOOK_URL },
    { group: email, key: 'OUTGOING_WEBHOOK_SECRET', value: coreEnv.OUTGOING_WEBHOOK_SECRET },
    {
      group: email,
      key: 'HOSTED_RECOVERY_SLACK_WEBHOOK_URL',
      value: coreEnv.HOSTED_RECOVERY_SLACK_WEBHOOK_URL,
    },
    { group: storage, key: 'UPLOAD_BACKEND', value: coreEnv.UPLOAD_BACKEND },
    { group: storage, key: 'S3_BUCKET', value: coreEnv.S3_BUCKET },
    { group: storage, key: 'S3_REGION', value: coreEnv.S3_REGION },
    { group: storage, key: 'S3_ENDPOINT_URL', value: coreEnv.S3_ENDPOINT_URL },
    { group: storage, key: 'S3_ACCESS_KEY_ID', value: coreEnv.S3_ACCESS_KEY_ID },
    { group: storage, key: 'S3_SECRET_ACCESS_KEY', value: coreEnv.S3_SECRET_ACCESS_KEY },
    { group: storage, key: 'UPLOAD_MAX_BYTES', value: coreEnv.UPLOAD_MAX_BYTES },
    { group: storage, key: 'UPLOAD_URL_TTL_SECONDS', value: coreEnv.UPLOAD_URL_TTL_SECONDS },
    { group: storage, key: 'UPLOAD_ALLOWED_MIME', value: coreEnv.UPLOAD_ALLOWED_MIME },
    {
      group: marketplace,
      key: 'BOOKING_DEPOSIT_PERCENT',
      value: percent(coreEnv.BOOKING_DEPOSIT_PERCENT),
    },
    {
      group: marketplace,
      key: 'PLATFORM_COMMISSION_PERCENT',
      value: percent(coreEnv.PLATFORM_COMMISSION_PERCENT),
    },
    {
      group: marketplace,
      key: 'RESERVATION_RELEASE_PERCENT',
      value: percent(coreEnv.RESERVATION_RELEASE_PERCENT),
    },
    { group: marketplace, key: 'TEMPLATE_TRIAL_DAYS', value: coreEnv.TEMPLATE_TRIAL_DAYS },
    { group: flags, key: 'EXPORT_WEBHOOK_URL', value: coreEnv.EXPORT_WEBHOOK_URL },
  ];
  // Every flag appears once: under its own group when it has one, else under the flags.
  const keys = new Set(listed.map((setting) => setting.key));
  const unlisted = featureFlags()
    .filter((flag) => !keys.has(flag.key))
    .map((flag) => ({ group: flags, key: flag.key, value: flag.value }));
  return [...listed, ...unlisted];
}

/** The whitelisted settings, secrets as `<redacted>` (or `(not set)`). */
export function configView(): ConfigItem[] {
  return redactConfig(settings());
}

export interface FeatureFlag {
  key: string;
  value: string;
  /** What the current value does, in words. */
  effect: string;
}

const onOff = (on: boolean) => (on ? 'true' : 'false');

/** Spec 002 "Feature flags": the runtime switches and what each one does right now. */
export function featureFlags(): FeatureFlag[] {
  const ttl = apiEnv.STOREFRONT_CACHE_TTL_SECONDS;
  return [
    {
      key: 'DEPOSITS_ENABLED',
      value: onOff(coreEnv.DEPOSITS_ENABLED),
      effect: coreEnv.DEPOSITS_ENABLED
        ? `Organizers may pay a deposit (${percent(coreEnv.BOOKING_DEPOSIT_PERCENT)}) or in full`
        : 'Deposits are off: organizers pay bookings in full only; the deposit option is hidden and refused',
    },
    {
      key: 'EXPORT_MODE',
      value: coreEnv.EXPORT_MODE,
      effect:
        coreEnv.EXPORT_MODE === 'webhook'
          ? 'The monthly accounting CSV is posted to EXPORT_WEBHOOK_URL'
          : 'The monthly accounting CSV is stored for finance to download',
    },
    {
      key: 'ADMIN_READ_ONLY',
      value: onOff(apiEnv.ADMIN_READ_ONLY),
      effect: apiEnv.ADMIN_READ_ONLY
        ? 'Incident mode: staff changes are refused (break-glass allows them); reads and customers carry on'
        : 'Staff changes are allowed',
    },
    {
      key: 'ADMIN_MFA_REQUIRED',
      value: onOff(apiEnv.ADMIN_MFA_REQUIRED),
      effect: apiEnv.ADMIN_MFA_REQUIRED
        ? 'Owners and admins need a session signed in with a two-step code for staff work'
        : 'Two-step verification is optional for owners and admins',
    },
    {
      key: 'EMAIL_TEMP_PASSWORDS',
      value: onOff(authEnv.EMAIL_TEMP_PASSWORDS),
      effect: authEnv.EMAIL_TEMP_PASSWORDS
        ? 'Invitations create the account at once with a temporary password shown once to the inviting admin (never emailed)'
        : 'Invitations are emailed links; the invited person chooses their password',
    },
    {
      key: 'STOREFRONT_CACHE_TTL_SECONDS',
      value: String(ttl),
      effect:
        ttl === 0
          ? 'The storefront cache is off: every product page reads the database'
          : `Storefront products are cached per web instance for at most ${ttl} s (changes arrive sooner by notification)`,
    },
    {
      key: 'HOSTED_RECOVERY_EMAIL_ENABLED',
      value: onOff(coreEnv.HOSTED_RECOVERY_EMAIL_ENABLED),
      effect: coreEnv.HOSTED_RECOVERY_EMAIL_ENABLED
        ? 'Abandoned checkouts get recovery emails'
        : 'No recovery emails for abandoned checkouts',
    },
    {
      key: 'HOSTED_RECOVERY_SLACK_ENABLED',
      value: onOff(coreEnv.HOSTED_RECOVERY_SLACK_ENABLED),
      effect: coreEnv.HOSTED_RECOVERY_SLACK_ENABLED
        ? 'Checkouts still abandoned after the email attempts are posted to Slack'
        : 'No Slack messages for abandoned checkouts',
    },
  ];
}
