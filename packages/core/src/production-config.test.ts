import { describe, expect, it } from 'vitest';
import {
  assertProductionConfig,
  DEV_DEFAULTS,
  ProductionConfigError,
  productionConfigProblems,
} from './production-config';

const secret = (name: string) => `${name.toLowerCase()}-${'x'.repeat(40)}`;
const fullWeb = {
  NODE_ENV: 'production',
  NEXTAUTH_URL: 'https://shop.example.com',
  NEXTAUTH_SECRET: secret('NEXTAUTH_SECRET'),
  CHECKOUT_API_KEY: secret('CHECKOUT_API_KEY'),
  SOUK_LINK_SECRET: secret('SOUK_LINK_SECRET'),
  DATABASE_APP_PASSWORD: secret('DATABASE_APP_PASSWORD'),
  PAYMENTS_ENCRYPTION_KEY: 'a'.repeat(64),
  CLIENT_PORTAL_SECRET: secret('CLIENT_PORTAL_SECRET'),
};
const fullWorker = { ...fullWeb, METRICS_TOKEN: secret('METRICS_TOKEN') };

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProductionConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the check to refuse');
}

describe('production config check', () => {
  it('passes a full https config for web and worker', () => {
    expect(() => assertProductionConfig({ app: 'web', env: fullWeb })).not.toThrow();
    expect(() => assertProductionConfig({ app: 'worker', env: fullWorker })).not.toThrow();
  });

  it('checks nothing outside production (dev and tests run on the defaults)', () => {
    expect(productionConfigProblems({ app: 'web', env: { NODE_ENV: 'development' } })).toEqual([]);
    expect(productionConfigProblems({ app: 'worker', env: {} })).toEqual([]);
  });

  it('names every missing secret in one message', () => {
    const message = messageOf(() =>
      assertProductionConfig({
        app: 'web',
        env: { NODE_ENV: 'production', NEXTAUTH_URL: 'https://shop.example.com' },
      }),
    );
    expect(message).toContain('Refusing to start the web in production');
    for (const name of [
      'NEXTAUTH_SECRET',
      'CHECKOUT_API_KEY',
      'SOUK_LINK_SECRET',
      'DATABASE_APP_PASSWORD',
      'PAYMENTS_ENCRYPTION_KEY',
      'CLIENT_PORTAL_SECRET',
    ]) {
      expect(message).toMatch(new RegExp(`- ${name} is missing`));
    }
    expect(message).not.toContain('NEXTAUTH_URL');
  });

  it.each(Object.entries(DEV_DEFAULTS))(
    'refuses %s left at its development default',
    (name, dev) => {
      const problems = productionConfigProblems({ app: 'web', env: { ...fullWeb, [name]: dev } });
      expect(problems).toEqual([
        expect.stringMatching(`^${name} is still the development default`),
      ]);
    },
  );

  it('reads the app password from DATABASE_APP_URL when that is set', () => {
    const env = {
      ...fullWeb,
      DATABASE_APP_PASSWORD: undefined,
      DATABASE_APP_URL: `postgresql://souk_app:${DEV_DEFAULTS.DATABASE_APP_PASSWORD}@db/souk`,
    };
    expect(productionConfigProblems({ app: 'web', env })).toEqual([
      expect.stringMatching(
        /^DATABASE_APP_PASSWORD \(in DATABASE_APP_URL\) is still the development default/,
      ),
    ]);
  });

  it('refuses http unless ALLOW_INSECURE_HTTP=true', () => {
    const http = { ...fullWeb, NEXTAUTH_URL: 'http://shop.example.com' };
    expect(messageOf(() => assertProductionConfig({ app: 'web', env: http }))).toContain(
      'NEXTAUTH_URL is http://shop.example.com, not https',
    );
    expect(
      productionConfigProblems({ app: 'web', env: { ...fullWeb, NEXTAUTH_URL: undefined } }),
    ).toEqual([expect.stringMatching(/^NEXTAUTH_URL is missing/)]);
    expect(
      productionConfigProblems({ app: 'web', env: { ...http, ALLOW_INSECURE_HTTP: 'true' } }),
    ).toEqual([]);
  });

  it('requires METRICS_TOKEN for the worker only', () => {
    expect(productionConfigProblems({ app: 'worker', env: fullWeb })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN is missing/),
    ]);
    expect(productionConfigProblems({ app: 'web', env: fullWeb })).toEqual([]);
  });
});
