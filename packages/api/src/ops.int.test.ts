// Operator views (spec 002): the config viewer never echoes a secret, the feature flags
// say what they do (DEPOSITS_ENABLED off really takes the deposit away), and the health
// details report each dependency. Env is read at import, so it is set first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';

const SECRETS = {
  NEXTAUTH_SECRET: 'h6-nextauth-secret-value-0123456789abcdef',
  SOUK_LINK_SECRET: 'h6-link-secret-value-0123456789',
  CLIENT_PORTAL_SECRET: 'h6-portal-secret-value-0123456789abcdef',
  CHECKOUT_API_KEY: 'h6-checkout-api-key-0123456789',
  STRIPE_WEBHOOK_SECRET: 'whsec_h6webhooksecretvalue',
  PAYMENTS_ENCRYPTION_KEY: 'ab'.repeat(32),
  SENDGRID_API_KEY: 'SG.h6-sendgrid-key-value',
  S3_ACCESS_KEY_ID: 'AKIAH6ACCESSKEYVALUE',
  S3_SECRET_ACCESS_KEY: 'h6-s3-secret-access-key-value',
  OUTGOING_WEBHOOK_SECRET: 'h6-outgoing-webhook-secret',
  OUTGOING_WEBHOOK_URL: 'https://hooks.example.test/services/T0/B0/h6webhooktokenvalue',
  HOSTED_RECOVERY_SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T1/B1/h6slacktokenvalue',
  // Port 9 (discard) on loopback: nothing listens, so the mail check reports it down.
  SMTP_URL: 'smtp://mailer:h6SmtpPassw0rdValue@127.0.0.1:9',
} as const;
// The parts of secrets that must not show either (a password inside a URL, a token in a path).
const SECRET_PARTS = ['h6SmtpPassw0rdValue', 'h6webhooktokenvalue', 'h6slacktokenvalue'];

Object.assign(process.env, SECRETS, { DEPOSITS_ENABLED: 'false' });
const { callerAs, seededCallers, sessionFor } = await import('./test/harness');
const { createStripeGateway } = await import('@souk/payments');
const { startStripeSandbox } = await import('@souk/stripe-sandbox');
const { getHealthDetails } = await import('@souk/core');

let testDb: TestDatabase;
let sandbox: Awaited<ReturnType<typeof startStripeSandbox>>;
let c: Awaited<ReturnType<typeof seededCallers>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  sandbox = await startStripeSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

const gateway = () => createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });

describe('ops.getConfig', () => {
  it('shows whitelisted settings with every secret redacted: no secret value in the answer', async () => {
    const config = await c.admin.ops.getConfig();
    const json = JSON.stringify(config);
    for (const [key, value] of Object.entries(SECRETS)) {
      expect(json, key).not.toContain(value);
    }
    for (const part of SECRET_PARTS) expect(json).not.toContain(part);

    const value = (key: string) => config.find((item) => item.key === key)?.value;
    for (const key of Object.keys(SECRETS)) expect(value(key), key).toBe('<redacted>');
    expect(value('STRIPE_SECRET_KEY')).toBe('(not set)');
    expect(value('DEPOSITS_ENABLED')).toBe('false');
    expect(value('BOOKING_DEPOSIT_PERCENT')).toBe('30%');
    expect(value('ACCESS_TOKEN_EXPIRE_MINUTES')).toBe('15');
    // Only the whitelist: nothing from the environment that is not listed.
    expect(value('PATH')).toBeUndefined();
    expect(value('HOME')).toBeUndefined();
  });

  it('is for owners and admins only', async () => {
    await expect(c.viewer.ops.getConfig()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(c.customer.ops.listFeatureFlags()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
    await expect(finance.ops.getHealthDetails()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('ops.listFeatureFlags', () => {
  it('lists each flag with its value and its effect in words', async () => {
    const flags = await c.admin.ops.listFeatureFlags();
    const keys = flags.map((flag) => flag.key);
    for (const key of [
      'DEPOSITS_ENABLED',
      'EXPORT_MODE',
      'ADMIN_READ_ONLY',
      'ADMIN_MFA_REQUIRED',
      'EMAIL_TEMP_PASSWORDS',
      'STOREFRONT_CACHE_TTL_SECONDS',
    ]) {
      expect(keys).toContain(key);
    }
    expect(flags.find((flag) => flag.key === 'DEPOSITS_ENABLED')).toEqual({
      key: 'DEPOSITS_ENABLED',
      value: 'false',
      effect:
        'Deposits are off: organizers pay bookings in full only; the deposit option is hidden and refused',
    });
    expect(flags.find((flag) => flag.key === 'EXPORT_MODE')?.effect).toMatch(/stored/);
    expect(flags.every((flag) => flag.effect.length > 10)).toBe(true);
  });
});

describe('DEPOSITS_ENABLED=false', () => {
  it('takes the deposit option away: the booking says so and a deposit payment is refused', async () => {
    const organizer = callerAs(
      testDb.db,
      await sessionFor(testDb.db, 'customer@souk.test'),
      undefined,
      {
        gateway: gateway(),
      },
    );
    const venueCaller = callerAs(testDb.db, await sessionFor(testDb.db, 'venue@souk.test'));
    const vendors = (await c.anonymous.marketplace.public.listVendors({})).items;
    const venue = vendors.find((v) => v.displayName === 'Harbor Hall')!;
    const booking = await organizer.marketplace.organizer.createBooking({
      eventDate: '2027-06-12',
      guestCount: 80,
      locationText: 'Porto',
      venueVendorId: venue.id,
      serviceVendorIds: [],
      notes: '',
      requestedBudgetCents: 100_000,
      currency: 'USD',
    });
    await venueCaller.marketplace.vendor.approveBooking({
      bookingId: booking.id,
      agreedAmountCents: 100_000,
    });
    const view = await organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(view.status).toBe('ready_for_payment');
    expect(view.depositsEnabled).toBe(false);

    const refused = await organizer.marketplace.organizer
      .payBooking({ bookingId: booking.id, mode: 'deposit' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Deposits are turned off: pay the booking in full',
    });
    expect(await testDb.ownerDb.bookingPayment.count({ where: { bookingId: booking.id } })).toBe(0);

    // Paying in full still works.
    const full = await organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    expect(full).toMatchObject({ kind: 'full', amountCents: 100_000 });
  });
});

describe('ops.getHealthDetails', () => {
  it('reports database, migrations, worker heartbeat, processor and mail, each with a status', async () => {
    const admin = callerAs(testDb.db, c.sessions.admin, undefined, { gateway: gateway() });
    const { checks, checkedAt } = await admin.ops.getHealthDetails();
    expect(checkedAt).toBeInstanceOf(Date);
    expect(checks.map((check) => check.name)).toEqual([
      'Database',
      'Migrations',
      'Worker heartbeat',
      'Payment processor',
      'Mail channel',
    ]);
    const byName = Object.fromEntries(checks.map((check) => [check.name, check]));
    expect(byName.Database).toMatchObject({ status: 'ok' });
    expect(byName.Database!.detail).toMatch(/^Answered in \d+ ms$/);
    // No job has run in this fresh database.
    expect(byName['Worker heartbeat']).toMatchObject({ status: 'down' });
    expect(byName['Payment processor']).toMatchObject({ status: 'ok' });
    expect(byName['Payment processor']!.detail).toMatch(/sandbox/);
    expect(byName['Mail channel']).toMatchObject({ status: 'down' });
    expect(byName['Mail channel']!.detail).toBe('SMTP: SMTP server 127.0.0.1 could not be reached');
    for (const part of SECRET_PARTS) expect(JSON.stringify(checks)).not.toContain(part);
  });

  it('reads the migration state and a recent heartbeat from the owner connection', async () => {
    await testDb.ownerDb.$executeRaw`
      INSERT INTO job_runs (id, queue, attempt, "startedAt", "finishedAt", outcome)
      VALUES (gen_random_uuid(), 'heartbeat', 1, now() - interval '30 seconds', now() - interval '29 seconds', 'ok')`;
    const checks = await getHealthDetails({
      db: testDb.db,
      ownerUrl: testDb.ownerUrl,
      gateway: () => Promise.resolve(gateway()),
      sendgridConfigured: false,
    });
    const byName = Object.fromEntries(checks.map((check) => [check.name, check]));
    expect(byName.Migrations).toMatchObject({ status: 'ok' });
    expect(byName.Migrations!.detail).toMatch(/^(\d+) of \1 applied, at head$/);
    expect(byName['Worker heartbeat']).toMatchObject({ status: 'ok' });
    expect(byName['Worker heartbeat']!.detail).toMatch(/^Last heartbeat \d+ s ago$/);
    expect(byName['Mail channel']).toMatchObject({ status: 'degraded' });
  });
});
