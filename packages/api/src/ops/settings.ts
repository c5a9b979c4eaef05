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

const SECRET = 'secret';

/** One group's settings, in the order shown: `[key, value]`, or `[key, value, SECRET]`. */
function group(
  name: string,
  rows: ReadonlyArray<readonly [key: string, value: unknown, secret?: typeof SECRET]>,
): ConfigSetting[] {
  return rows.map(([key, value, secret]) => ({
    group: name,
    key,
    value,
    ...(secret ? { secret: true } : {}),
  }));
}

function settings(): ConfigSetting[] {
  const flags = 'Feature flags';
  const listed: ConfigSetting[] = [
    ...group('General', [
      ['PUBLIC_WEB_URL', coreEnv.PUBLIC_WEB_URL],
      ['STOREFRONT_ORG_SLUG', apiEnv.STOREFRONT_ORG_SLUG],
      ['LOG_LEVEL', coreEnv.LOG_LEVEL],
    ]),
    ...group('Auth & portals', [
      ['NEXTAUTH_URL', authEnv.NEXTAUTH_URL],
      ['NEXTAUTH_SECRET', authEnv.NEXTAUTH_SECRET, SECRET],
      ['SESSION_MAX_AGE_SECONDS', authEnv.SESSION_MAX_AGE_SECONDS],
      ['ACCESS_TOKEN_EXPIRE_MINUTES', authEnv.ACCESS_TOKEN_EXPIRE_MINUTES],
      ['REFRESH_TOKEN_EXPIRE_DAYS', authEnv.REFRESH_TOKEN_EXPIRE_DAYS],
      ['BCRYPT_COST', authEnv.BCRYPT_COST],
      ['SOUK_LINK_SECRET', coreEnv.SOUK_LINK_SECRET, SECRET],
      ['CLIENT_PORTAL_SECRET', coreEnv.CLIENT_PORTAL_SECRET, SECRET],
      ['CLIENT_PORTAL_TOKEN_TTL_MINUTES', coreEnv.CLIENT_PORTAL_TOKEN_TTL_MINUTES],
      ['CLIENT_PORTAL_SESSION_TTL_HOURS', coreEnv.CLIENT_PORTAL_SESSION_TTL_HOURS],
      ['CHECKOUT_API_KEY', apiEnv.CHECKOUT_API_KEY, SECRET],
    ]),
    // Connection strings carry the password: always redacted, whatever they look like.
    ...group('Database', [
      ['DATABASE_URL', coreEnv.DATABASE_URL, SECRET],
      ['DATABASE_APP_URL', coreEnv.DATABASE_APP_URL, SECRET],
      ['DATABASE_APP_PASSWORD', coreEnv.DATABASE_APP_PASSWORD, SECRET],
      ['DATABASE_POOL_MAX', coreEnv.DATABASE_POOL_MAX],
    ]),
    ...group('Rate limiting', [
      ['REDIS_URL', authEnv.REDIS_URL, SECRET],
      ['LOGIN_RATE_LIMIT_PER_MINUTE', authEnv.LOGIN_RATE_LIMIT_PER_MINUTE],
      ['REFRESH_RATE_LIMIT_PER_MINUTE', authEnv.REFRESH_RATE_LIMIT_PER_MINUTE],
      ['PLANNER_RATE_LIMIT_PER_MINUTE', authEnv.PLANNER_RATE_LIMIT_PER_MINUTE],
      ['BOOKING_PAY_RATE_LIMIT_PER_MINUTE', coreEnv.BOOKING_PAY_RATE_LIMIT_PER_MINUTE],
      ['TRUSTED_PROXY_CIDRS', cidrs(authEnv.TRUSTED_PROXY_CIDRS)],
    ]),
    ...group('Admin safety', [
      ['ADMIN_READ_ONLY', apiEnv.ADMIN_READ_ONLY],
      ['ADMIN_MFA_REQUIRED', apiEnv.ADMIN_MFA_REQUIRED],
      ['ADMIN_IP_ALLOWLIST_CIDRS', cidrs(authEnv.ADMIN_IP_ALLOWLIST_CIDRS)],
    ]),
    ...group('Stripe', [
      ['STRIPE_SECRET_KEY', paymentsEnv.STRIPE_SECRET_KEY],
      ['STRIPE_WEBHOOK_SECRET', paymentsEnv.STRIPE_WEBHOOK_SECRET],
      ['STRIPE_API_URL', paymentsEnv.STRIPE_API_URL],
      ['PAYMENTS_ENCRYPTION_KEY', paymentsEnv.PAYMENTS_ENCRYPTION_KEY],
    ]),
    ...group('Email', [
      ['SMTP_URL', coreEnv.SMTP_URL, SECRET],
      ['SENDGRID_API_KEY', coreEnv.SENDGRID_API_KEY],
      ['MAIL_FROM', coreEnv.MAIL_FROM],
      ['EMAIL_TEMP_PASSWORDS', authEnv.EMAIL_TEMP_PASSWORDS],
      ['OUTBOX_MAX_ATTEMPTS', coreEnv.OUTBOX_MAX_ATTEMPTS],
      ['OUTBOX_BASE_BACKOFF_SECONDS', coreEnv.OUTBOX_BASE_BACKOFF_SECONDS],
      ['OUTGOING_WEBHOOK_URL', coreEnv.OUTGOING_WEBHOOK_URL],
      ['OUTGOING_WEBHOOK_SECRET', coreEnv.OUTGOING_WEBHOOK_SECRET],
      ['HOSTED_RECOVERY_SLACK_WEBHOOK_URL', coreEnv.HOSTED_RECOVERY_SLACK_WEBHOOK_URL],
    ]),
    ...group('Storage', [
      ['UPLOAD_BACKEND', coreEnv.UPLOAD_BACKEND],
      ['S3_BUCKET', coreEnv.S3_BUCKET],
      ['S3_REGION', coreEnv.S3_REGION],
      ['S3_ENDPOINT_URL', coreEnv.S3_ENDPOINT_URL],
      ['S3_ACCESS_KEY_ID', coreEnv.S3_ACCESS_KEY_ID],
      ['S3_SECRET_ACCESS_KEY', coreEnv.S3_SECRET_ACCESS_KEY],
      ['UPLOAD_MAX_BYTES', coreEnv.UPLOAD_MAX_BYTES],
      ['UPLOAD_URL_TTL_SECONDS', coreEnv.UPLOAD_URL_TTL_SECONDS],
      ['UPLOAD_ALLOWED_MIME', coreEnv.UPLOAD_ALLOWED_MIME],
    ]),
    ...group('Marketplace', [
      ['BOOKING_DEPOSIT_PERCENT', percent(coreEnv.BOOKING_DEPOSIT_PERCENT)],
      ['PLATFORM_COMMISSION_PERCENT', percent(coreEnv.PLATFORM_COMMISSION_PERCENT)],
      ['RESERVATION_RELEASE_PERCENT', percent(coreEnv.RESERVATION_RELEASE_PERCENT)],
      ['TEMPLATE_TRIAL_DAYS', coreEnv.TEMPLATE_TRIAL_DAYS],
    ]),
    ...group(flags, [['EXPORT_WEBHOOK_URL', coreEnv.EXPORT_WEBHOOK_URL]]),
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

/** A true/false switch and what it does either way. */
function toggle(key: string, on: boolean, whenOn: string, whenOff: string): FeatureFlag {
  return { key, value: on ? 'true' : 'false', effect: on ? whenOn : whenOff };
}

/** Spec 002 "Feature flags": the runtime switches and what each one does right now. */
export function featureFlags(): FeatureFlag[] {
  const ttl = apiEnv.STOREFRONT_CACHE_TTL_SECONDS;
  return [
    toggle(
      'DEPOSITS_ENABLED',
      coreEnv.DEPOSITS_ENABLED,
      `Organizers may pay a deposit (${percent(coreEnv.BOOKING_DEPOSIT_PERCENT)}) or in full`,
      'Deposits are off: organizers pay bookings in full only; the deposit option is hidden and refused',
    ),
    {
      key: 'EXPORT_MODE',
      value: coreEnv.EXPORT_MODE,
      effect:
        coreEnv.EXPORT_MODE === 'webhook'
          ? 'The monthly accounting CSV is posted to EXPORT_WEBHOOK_URL'
          : 'The monthly accounting CSV is stored for finance to download',
    },
    toggle(
      'ADMIN_READ_ONLY',
      apiEnv.ADMIN_READ_ONLY,
      'Incident mode: staff changes are refused (break-glass allows them); reads and customers carry on',
      'Staff changes are allowed',
    ),
    toggle(
      'ADMIN_MFA_REQUIRED',
      apiEnv.ADMIN_MFA_REQUIRED,
      'Owners and admins need a session signed in with a two-step code for staff work',
      'Two-step verification is optional for owners and admins',
    ),
    toggle(
      'EMAIL_TEMP_PASSWORDS',
      authEnv.EMAIL_TEMP_PASSWORDS,
      'Invitations create the account at once with a temporary password shown once to the inviting admin (never emailed)',
      'Invitations are emailed links; the invited person chooses their password',
    ),
    {
      key: 'STOREFRONT_CACHE_TTL_SECONDS',
      value: String(ttl),
      effect:
        ttl === 0
          ? 'The storefront cache is off: every product page reads the database'
          : `Storefront products are cached per web instance for at most ${ttl} s (changes arrive sooner by notification)`,
    },
    toggle(
      'HOSTED_RECOVERY_EMAIL_ENABLED',
      coreEnv.HOSTED_RECOVERY_EMAIL_ENABLED,
      'Abandoned checkouts get recovery emails',
      'No recovery emails for abandoned checkouts',
    ),
    toggle(
      'HOSTED_RECOVERY_SLACK_ENABLED',
      coreEnv.HOSTED_RECOVERY_SLACK_ENABLED,
      'Checkouts still abandoned after the email attempts are posted to Slack',
      'No Slack messages for abandoned checkouts',
    ),
  ];
}
