// Production refuses to start on development defaults: each of these values is
// public (it is in this repository), so a deployment that forgot one would run
// with forgeable sessions, links or API keys. Pure: callers pass their env.

/**
 * The development fallbacks of the env schemas. auth and api import them from
 * here; @souk/db (DATABASE_APP_PASSWORD) and core's env.ts (SOUK_LINK_SECRET,
 * CLIENT_PORTAL_SECRET) spell them out too and must stay equal to these.
 */
export const DEV_DEFAULTS = {
  NEXTAUTH_SECRET: 'souk-dev-secret-not-for-production-use-0000',
  CHECKOUT_API_KEY: 'souk-dev-checkout-api-key',
  SOUK_LINK_SECRET: 'souk-dev-link-secret-not-for-production',
  DATABASE_APP_PASSWORD: 'souk_app_dev_password',
  CLIENT_PORTAL_SECRET: 'souk-dev-client-portal-secret-not-for-production',
} as const;

export type ProductionApp = 'web' | 'worker';

type Setting =
  | 'NEXTAUTH_SECRET'
  | 'CHECKOUT_API_KEY'
  | 'SOUK_LINK_SECRET'
  | 'DATABASE_APP_PASSWORD'
  | 'PAYMENTS_ENCRYPTION_KEY'
  | 'METRICS_TOKEN'
  | 'CLIENT_PORTAL_SECRET';

const WHAT: Record<Setting, string> = {
  NEXTAUTH_SECRET: 'signs session cookies',
  CHECKOUT_API_KEY: 'guards the server-only checkout procedures',
  SOUK_LINK_SECRET: "signs customers' resume links",
  DATABASE_APP_PASSWORD: 'password of the souk_app database role',
  PAYMENTS_ENCRYPTION_KEY: 'encrypts stored payment credentials',
  METRICS_TOKEN: "guards the worker's /metrics, /readyz details and /fulfillment/*",
  CLIENT_PORTAL_SECRET: 'signs client-portal magic links and file links',
};

const REQUIRED: Record<ProductionApp, Setting[]> = {
  web: [
    'NEXTAUTH_SECRET',
    'CHECKOUT_API_KEY',
    'SOUK_LINK_SECRET',
    'DATABASE_APP_PASSWORD',
    'PAYMENTS_ENCRYPTION_KEY',
    'CLIENT_PORTAL_SECRET',
  ],
  worker: ['SOUK_LINK_SECRET', 'DATABASE_APP_PASSWORD', 'PAYMENTS_ENCRYPTION_KEY', 'METRICS_TOKEN'],
};

type Env = Record<string, string | undefined>;

const isSet = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';
const isTrue = (value: string | undefined) => value === 'true' || value === '1';

function appPassword(env: Env): string | undefined {
  // An explicit app URL carries its own password; DATABASE_APP_PASSWORD is then unused.
  if (isSet(env.DATABASE_APP_URL)) {
    try {
      return decodeURIComponent(new URL(env.DATABASE_APP_URL).password) || undefined;
    } catch {
      return undefined;
    }
  }
  return env.DATABASE_APP_PASSWORD;
}

/** Every reason `app` must not start with `env`; empty outside production. */
export function productionConfigProblems({ app, env }: { app: ProductionApp; env: Env }): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const name of REQUIRED[app]) {
    const value = name === 'DATABASE_APP_PASSWORD' ? appPassword(env) : env[name];
    const where =
      name === 'DATABASE_APP_PASSWORD' && isSet(env.DATABASE_APP_URL)
        ? ' (in DATABASE_APP_URL)'
        : '';
    if (!isSet(value)) {
      problems.push(`${name}${where} is missing (${WHAT[name]})`);
    } else if ((DEV_DEFAULTS as Record<string, string>)[name] === value) {
      problems.push(`${name}${where} is still the development default (${WHAT[name]})`);
    }
  }
  if (app === 'web' && !isTrue(env.ALLOW_INSECURE_HTTP)) {
    const url = env.NEXTAUTH_URL;
    let protocol: string | null = null;
    try {
      protocol = isSet(url) ? new URL(url).protocol : null;
    } catch {
      protocol = null;
    }
    if (!isSet(url)) {
      problems.push('NEXTAUTH_URL is missing (the public https:// address of the web app)');
    } else if (protocol !== 'https:') {
      problems.push(
        `NEXTAUTH_URL is ${url}, not https: session cookies would travel unencrypted (set ALLOW_INSECURE_HTTP=true only for a local run)`,
      );
    }
  }
  return problems;
}

export class ProductionConfigError extends Error {
  constructor(
    readonly app: ProductionApp,
    readonly problems: string[],
  ) {
    super(
      [
        `Refusing to start the ${app} in production (NODE_ENV=production):`,
        ...problems.map((p) => `  - ${p}`),
        'Set each secret to a long random value (for example `openssl rand -hex 32`).',
      ].join('\n'),
    );
    this.name = 'ProductionConfigError';
  }
}

/** Throws ProductionConfigError listing every problem at once, so one restart fixes them all. */
export function assertProductionConfig(options: { app: ProductionApp; env: Env }): void {
  const problems = productionConfigProblems(options);
  if (problems.length > 0) throw new ProductionConfigError(options.app, problems);
}
