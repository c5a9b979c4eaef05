import { z } from 'zod';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// The one place @souk/core reads process.env.
export const coreEnv = z
  .object({
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // Where customers reach the storefront: success, cancel and resume links.
    PUBLIC_WEB_URL: z.string().url().default('http://localhost:3000'),
    // Signs customers' resume links (HMAC). `pnpm start` generates one into .data/.
    SOUK_LINK_SECRET: z.string().min(16).default('souk-dev-link-secret-not-for-production'),
    // Hosted session lifetime at the processor (Stripe allows 30 min to 24 h).
    CHECKOUT_SESSION_TTL_MINUTES: z.coerce.number().int().min(30).max(1440).default(1440),
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
  })
  .parse(process.env);
export type CoreEnv = typeof coreEnv;
