import { describe, expect, it } from 'vitest';
import { NOT_SET, REDACTED, redactConfig } from './redact-config';

describe('redactConfig', () => {
  it('never shows a secret, by name, by flag or inside a URL', () => {
    const items = redactConfig([
      { key: 'STRIPE_SECRET_KEY', group: 'Stripe', value: 'sk_test_abc' },
      { key: 'SENDGRID_API_KEY', group: 'Email', value: 'SG.xyz' },
      { key: 'S3_ACCESS_KEY_ID', group: 'Storage', value: 'AKIA123' },
      { key: 'METRICS_TOKEN', group: 'Observability', value: 'tok' },
      { key: 'DATABASE_APP_PASSWORD', group: 'Database', value: 'pw' },
      { key: 'SMTP_URL', group: 'Email', value: 'smtp://user:hunter2@mail.test:587' },
      { key: 'EXPORT_WEBHOOK_URL', group: 'Export', value: 'https://hooks.test/T0/B0/xyz' },
      { key: 'PUBLIC_WEB_URL', group: 'General', value: 'https://shop.test/?sig=abc' },
      { key: 'SOMETHING', group: 'General', value: 'plain', secret: true },
    ]);
    expect(items.every((item) => item.value === REDACTED)).toBe(true);
  });

  it('shows ordinary settings, and says when something is not set', () => {
    expect(
      redactConfig([
        { key: 'PUBLIC_WEB_URL', group: 'General', value: 'https://shop.test' },
        { key: 'DEPOSITS_ENABLED', group: 'Feature flags', value: false },
        { key: 'UPLOAD_MAX_BYTES', group: 'Storage', value: 15_000_000 },
        { key: 'UPLOAD_ALLOWED_MIME', group: 'Storage', value: ['image/png', 'image/jpeg'] },
        { key: 'STRIPE_SECRET_KEY', group: 'Stripe', value: undefined },
        { key: 'REDIS_URL', group: 'Rate limiting', value: '' },
        { key: 'ACCESS_TOKEN_EXPIRE_MINUTES', group: 'Auth', value: 15 },
      ]).map((item) => item.value),
    ).toEqual([
      'https://shop.test',
      'false',
      '15000000',
      'image/png, image/jpeg',
      NOT_SET,
      NOT_SET,
      '15',
    ]);
  });
});
