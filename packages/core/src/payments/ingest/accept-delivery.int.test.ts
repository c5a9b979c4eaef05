// The webhook ingest on a real database: what an unauthenticated sender can make it do
// (the chaos run found one transaction per org before the signature was checked).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouterPool, type RouterPool } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createProcessorEventIngest } from './accept-delivery';

const SECRET = 'whsec_ingest_test';

/** A Stripe-Signature header, as the processor computes it. */
function signPayload(payload: string, secret: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`;
}
let testDb: TestDatabase;
let router: RouterPool;
let transactions = 0;
let routerQueries = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.ownerDb.organization.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({ slug: `ingest-org-${i}`, name: `Org ${i}` })),
  });
  router = createRouterPool(testDb.appUrl);
});
afterAll(async () => {
  await router?.end();
  await testDb?.drop();
});

/** The ingest with its database work counted: tenant transactions and router queries. */
function countingIngest() {
  const db = new Proxy(testDb.db, {
    get(target, prop, receiver) {
      if (prop === '$transaction') transactions += 1;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const counted = new Proxy(router, {
    get(target, prop, receiver) {
      if (prop === 'query') routerQueries += 1;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return createProcessorEventIngest({ db, router: counted, platformSecrets: [SECRET] });
}

const body = (id: string, object: Record<string, unknown>) =>
  Buffer.from(
    JSON.stringify({
      id,
      object: 'event',
      type: 'charge.refunded',
      created: Math.floor(Date.now() / 1000),
      data: { object },
    }),
  );

describe('webhook ingest', () => {
  it('routing never scans tenants: a forged event without metadata costs at most one indexed lookup and no tenant transaction', async () => {
    const ingest = countingIngest();
    transactions = 0;
    routerQueries = 0;
    for (let i = 0; i < 10; i++) {
      const raw = body(`evt_forged_${i}`, {
        id: `ch_forged_${i}`,
        object: 'charge',
        payment_intent: `pi_forged_${i}`,
        amount_refunded: 100,
      });
      const outcome = await ingest.accept({
        rawBody: raw,
        signature: signPayload(raw.toString(), 'whsec_not_ours'),
        endpoint: 'account',
      });
      expect(outcome).toMatchObject({ status: 'rejected' });
    }
    expect(transactions).toBe(0);
    expect(routerQueries).toBeLessThanOrEqual(10);
    expect(await testDb.ownerDb.processorEvent.count()).toBe(0);
  });

  it('a genuine event without metadata for an unknown object is kept unrouted, never dropped', async () => {
    const ingest = countingIngest();
    transactions = 0;
    const raw = body('evt_unknown_object', {
      id: 'ch_unknown',
      object: 'charge',
      payment_intent: 'pi_unknown',
      amount_refunded: 100,
    });
    const outcome = await ingest.accept({
      rawBody: raw,
      signature: signPayload(raw.toString(), SECRET),
      endpoint: 'account',
    });
    expect(outcome).toMatchObject({ status: 'stored', orgId: null });
    expect(transactions).toBe(0);
    expect(
      await testDb.ownerDb.processorEvent.findUniqueOrThrow({
        where: { processor_eventId: { processor: 'stripe', eventId: 'evt_unknown_object' } },
      }),
    ).toMatchObject({ status: 'unrouted', orgId: null, objectId: 'pi_unknown' });
  });

  it('bodies the ledger cannot store are refused in words, and nothing is stored', async () => {
    const ingest = countingIngest();
    const cases: [string, string][] = [
      [
        '{"id":"evt_nul\\u0000","object":"event","type":"t","created":1,"data":{"object":{}}}',
        'NUL',
      ],
      [
        '{"id":"evt_big_created","object":"event","type":"t","created":1e20,"data":{"object":{}}}',
        'created',
      ],
      [
        '{"id":"evt_text_created","object":"event","type":"t","created":"abc","data":{"object":{}}}',
        'created',
      ],
      [
        `{"id":"${'x'.repeat(900_000)}","object":"event","type":"t","created":1,"data":{"object":{}}}`,
        'id',
      ],
      [
        '{"id":"evt_surrogate","object":"event","type":"t","created":1,"data":{"object":{"n":"\\ud800"}}}',
        'Unicode',
      ],
      ['not json', 'JSON'],
    ];
    for (const [text, words] of cases) {
      const outcome = await ingest.accept({
        rawBody: Buffer.from(text),
        signature: signPayload(text, SECRET),
        endpoint: 'account',
      });
      expect(outcome.status).toBe('rejected');
      expect((outcome as { reason: string }).reason).toContain(words);
    }
    expect(
      await testDb.ownerDb.processorEvent.count({
        where: { NOT: { eventId: 'evt_unknown_object' } },
      }),
    ).toBe(0);
  });
});
