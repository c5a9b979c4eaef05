import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { dbEnv } from '@souk/db/env';
import { failOnInvalidEnv, flag } from './env-helpers';
import { fractionToBps } from './marketplace/split';

const fraction = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return fractionToBps(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// Stripe allows a Checkout Session to live 30 min to 24 h, measured by Stripe's clock.
// Sitting exactly on 24 h fails every checkout as soon as our clock runs ahead of
// Stripe's, so the longest we ask for leaves 10 minutes of margin.
export const CHECKOUT_SESSION_TTL_MAX_MINUTES = 24 * 60 - 10;
export const checkoutSessionTtlMinutes = z.coerce
  .number()
  .int('CHECKOUT_SESSION_TTL_MINUTES must be a whole number of minutes')
  .min(30, 'CHECKOUT_SESSION_TTL_MINUTES must be at least 30 (Stripe’s minimum)')
  .max(
    CHECKOUT_SESSION_TTL_MAX_MINUTES,
    `CHECKOUT_SESSION_TTL_MINUTES must be at most ${CHECKOUT_SESSION_TTL_MAX_MINUTES} ` +
      '(23 h 50 min): Stripe allows 24 h and we keep 10 minutes for clock drift',
  )
  .default(CHECKOUT_SESSION_TTL_MAX_MINUTES);

// How long a customer's signed resume link works: one week by default.
export const resumeLinkTtlHours = z.coerce
  .number()
  .int('RESUME_LINK_TTL_HOURS must be a whole number of hours')
  .min(1, 'RESUME_LINK_TTL_HOURS must be at least 1')
  .max(24 * 90, 'RESUME_LINK_TTL_HOURS must be at most 2160 (90 days)')
  .default(168);

// Extra hosts (besides PUBLIC_WEB_URL's) that return/redirect URLs may point at,
// comma-separated: `ALLOWED_REDIRECT_HOSTS=shop.example.com,www.example.com`.
export const allowedRedirectHosts = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );

// The one place @souk/core reads process.env. `S3_BUCKET=` in an env file means
// unset (emptyStringAsUndefined), not an empty bucket name. SOUK_DATA_DIR and the
// database settings come from @souk/db's env.
export const coreEnv = createEnv({
  server: {
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // Where customers reach the storefront: success, cancel and resume links.
    PUBLIC_WEB_URL: z.string().url().default('http://localhost:3000'),
    // Signs customers' resume links (HMAC). `pnpm start` generates one into .data/.
    SOUK_LINK_SECRET: z.string().min(16).default('souk-dev-link-secret-not-for-production'),
    // Hosted session lifetime at the processor (see checkoutSessionTtlMinutes).
    CHECKOUT_SESSION_TTL_MINUTES: checkoutSessionTtlMinutes,
    RESUME_LINK_TTL_HOURS: resumeLinkTtlHours,
    ALLOWED_REDIRECT_HOSTS: allowedRedirectHosts,
    // An open session untouched this long counts as abandoned (recovery starts).
    CHECKOUT_ABANDON_AFTER_MINUTES: minutes(30),
    // Orchestration follow-up: how long a stage may sit before a recovery prompt.
    ORCHESTRATION_FOLLOW_UP_MINUTES: minutes(30),
    // Recovery worker (spec 000).
    HOSTED_RECOVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    // Attempts up to this number email the customer; later ones go to Slack.
    HOSTED_RECOVERY_EMAIL_ATTEMPTS: z.coerce.number().int().min(0).max(20).default(2),
    HOSTED_RECOVERY_RETRY_MINUTES: minutes(60),
    HOSTED_RECOVERY_EMAIL_ENABLED: flag('true'),
    HOSTED_RECOVERY_SLACK_ENABLED: flag('false'),
    HOSTED_RECOVERY_SLACK_WEBHOOK_URL: z.string().url().optional(),
    HOSTED_RECOVERY_SLACK_CHANNEL: z.string().optional(),
    // Outbox delivery (spec 002).
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    OUTBOX_BASE_BACKOFF_SECONDS: z.coerce.number().int().min(1).default(30),
    SMTP_URL: z.string().url().optional(),
    SENDGRID_API_KEY: z.string().min(1).optional(),
    SENDGRID_API_URL: z.string().url().default('https://api.sendgrid.com/v3/mail/send'),
    MAIL_FROM: z.string().default('Souk <no-reply@souk.test>'),
    OUTGOING_WEBHOOK_URL: z.string().url().optional(),
    OUTGOING_WEBHOOK_SECRET: z.string().min(1).optional(),
    // Marketplace (spec 004): fractions of 1, read exactly into basis points.
    BOOKING_DEPOSIT_PERCENT: fraction('0.30'),
    // Feature flag (spec 002): off, organizers pay bookings in full only (no deposit option).
    DEPOSITS_ENABLED: flag('true'),
    PLATFORM_COMMISSION_PERCENT: fraction('0.10'),
    RESERVATION_RELEASE_PERCENT: fraction('0.50'),
    BOOKING_PAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    TEMPLATE_TRIAL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    // An invoice is due this many days after it is issued; unpaid after that, it is overdue.
    INVOICE_DUE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    // Uploads (spec 004 + spec 002 storage). No image/svg+xml by default: an SVG can
    // carry script, and served from our origin it would run as our page.
    UPLOAD_ALLOWED_MIME: z
      .string()
      .default('image/jpeg,image/png,image/webp,video/mp4,application/pdf')
      .transform((list) =>
        list
          .split(',')
          .map((type) => type.trim().toLowerCase())
          .filter(Boolean),
      ),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(15_000_000),
    // Lifetime of upload and download URLs (S3 presigning allows at most 7 days).
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(604_800).default(300),
    // `local` unless S3_BUCKET is set; set explicitly to force one.
    UPLOAD_BACKEND: z.enum(['local', 's3']).optional(),
    // Local backend: where files go. Unset: <SOUK_DATA_DIR>/uploads when that is an
    // absolute path (as `pnpm start` sets it), else <cwd>/.data/uploads.
    UPLOAD_ROOT: z.string().optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT_URL: z.string().url().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: flag('false'),
    // Client portal (issue 14): signs magic links and file links, with a key of its own so
    // rotating it voids outstanding portal links without touching resume or upload links.
    // `pnpm start` generates one into .data/; production refuses the default.
    CLIENT_PORTAL_SECRET: z
      .string()
      .min(32, 'CLIENT_PORTAL_SECRET must be at least 32 characters')
      .default('souk-dev-client-portal-secret-not-for-production'),
    CLIENT_PORTAL_TOKEN_TTL_MINUTES: z.coerce
      .number()
      .int('CLIENT_PORTAL_TOKEN_TTL_MINUTES must be a whole number of minutes')
      .min(1, 'CLIENT_PORTAL_TOKEN_TTL_MINUTES must be at least 1')
      .max(24 * 60, 'CLIENT_PORTAL_TOKEN_TTL_MINUTES must be at most 1440 (a day)')
      .default(15),
    CLIENT_PORTAL_SESSION_TTL_HOURS: z.coerce
      .number()
      .int('CLIENT_PORTAL_SESSION_TTL_HOURS must be a whole number of hours')
      .min(1, 'CLIENT_PORTAL_SESSION_TTL_HOURS must be at least 1')
      .max(24 * 90, 'CLIENT_PORTAL_SESSION_TTL_HOURS must be at most 2160 (90 days)')
      .default(168),
    // Lifetime of the portal's signed file links (photos and files of a booking).
    PHOTO_URL_TTL_SECONDS: z.coerce
      .number()
      .int('PHOTO_URL_TTL_SECONDS must be a whole number of seconds')
      .min(10, 'PHOTO_URL_TTL_SECONDS must be at least 10')
      .max(86_400, 'PHOTO_URL_TTL_SECONDS must be at most 86400 (a day)')
      .default(300),
    // GDPR retention cleanup (spec 002): days a deletion request waits before the daily job
    // erases the person (0 = at the next run), and how often a file delete is retried.
    RETENTION_DELETION_GRACE_DAYS: z.coerce
      .number()
      .int('RETENTION_DELETION_GRACE_DAYS must be a whole number of days')
      .min(0, 'RETENTION_DELETION_GRACE_DAYS must be 0 or more')
      .max(365, 'RETENTION_DELETION_GRACE_DAYS must be at most 365')
      .default(0),
    RETENTION_UPLOAD_DELETE_MAX_ATTEMPTS: z.coerce
      .number()
      .int('RETENTION_UPLOAD_DELETE_MAX_ATTEMPTS must be a whole number')
      .min(1, 'RETENTION_UPLOAD_DELETE_MAX_ATTEMPTS must be at least 1')
      .max(100, 'RETENTION_UPLOAD_DELETE_MAX_ATTEMPTS must be at most 100')
      .default(10),
    // Accounting export (spec 002): the monthly job stores the CSV, or posts it to a webhook.
    EXPORT_MODE: z.enum(['store', 'webhook']).default('store'),
    EXPORT_WEBHOOK_URL: z.string().url('EXPORT_WEBHOOK_URL must be an http(s) URL').optional(),
  },
  extends: [dbEnv],
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // Settings that only make sense together: checked once at boot, not at the first monthly run.
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((env, ctx) => {
      if (env.EXPORT_MODE === 'webhook' && !env.EXPORT_WEBHOOK_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['EXPORT_WEBHOOK_URL'],
          message:
            'EXPORT_WEBHOOK_URL is required when EXPORT_MODE is webhook (where the monthly accounting CSV is posted)',
        });
      }
    }),
  onValidationError: failOnInvalidEnv('core'),
});
export type CoreEnv = typeof coreEnv;
