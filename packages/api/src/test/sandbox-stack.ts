// Test-only: a test file's seeded database behind the stripe sandbox, the real stripe SDK
// as the gateway, and the sandbox's signed webhooks taken in by the same ingest the
// worker's POST /webhooks/stripe runs, then applied by settle() as its applier would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { resetRateLimit, type SoukSession } from '@souk/auth';
import { coreEnv, createProcessorEventIngest, drainProcessorEvents } from '@souk/core';
import { createRouterPool, withOrg, type RouterPool } from '@souk/db';
import { testDatabaseForFile, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { callerAs, seededCallers, sessionFor, type Caller } from './harness';

type Ingest = ReturnType<typeof createProcessorEventIngest>;

export interface SandboxStack<Who extends string> {
  testDb: TestDatabase;
  sandbox: StripeSandbox;
  /** The sandbox's gateway, unwrapped: `callerGateway` wraps only the callers' copy. */
  gateway: PaymentGateway;
  /** The demo org. */
  orgId: string;
  sessions: Record<Who, SoukSession>;
  /** A caller per login, and `anonymous`. */
  as: Record<Who | 'anonymous', Caller>;
  /** A transaction in the demo org on the owner's connection, to set up and inspect rows. */
  db: <T>(fn: Parameters<typeof withOrg<T>>[2]) => Promise<T>;
  /** Every webhook delivered and every stored event applied, as the worker would. */
  settle: () => Promise<void>;
  /** Posts to a sandbox control (`/_sandbox/<path>`) with its token, then settles. */
  control: (path: string) => Promise<void>;
  /** The header the sandbox controls need. */
  controlAuth: () => { authorization: string };
}

/** The worker's webhook routes in miniature: raw body and signature into the ledger. */
async function startWebhookSink(ingest: Ingest): Promise<Server> {
  const sink = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      ingest
        .accept({
          rawBody: Buffer.concat(chunks),
          signature: req.headers['stripe-signature'] as string | undefined,
          endpoint: req.url?.endsWith('/connect') ? 'connect' : 'account',
        })
        .then((outcome) => {
          res.statusCode = outcome.status === 'rejected' ? 400 : 200;
          res.end();
        })
        .catch(() => {
          res.statusCode = 503;
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  return sink;
}

/**
 * The stack for the calling test file: started before its tests, stopped after them. The
 * sandbox delivers to an account endpoint signed with `secret` and, given `connectSecret`,
 * to a Connect endpoint too. `logins` names the demo people to sign in as (name -> email);
 * `payingLogin`'s limit on pay attempts starts over before each test, since tests pay
 * more often than a person would. Fields are filled in by that beforeAll: read them
 * inside tests and hooks.
 */
export function sandboxStackForFile<Who extends string>(options: {
  secret: string;
  connectSecret?: string;
  logins: Record<Who, string>;
  payingLogin?: NoInfer<Who>;
  callerGateway?: (sandboxGateway: PaymentGateway) => PaymentGateway;
}): SandboxStack<Who> {
  const testDb = testDatabaseForFile();
  let router: RouterPool | undefined;
  let sink: Server | undefined;
  // sandbox, gateway and orgId arrive with the beforeAll below.
  const stack = {
    testDb,
    sessions: {},
    as: {},
    settle: async () => {
      await stack.sandbox.flushDeliveries();
      await drainProcessorEvents({ db: testDb.db, router: router! });
    },
    control: async (path) => {
      const res = await fetch(`${stack.sandbox.url}/_sandbox/${path}`, {
        method: 'POST',
        headers: stack.controlAuth(),
      });
      expect(res.status).toBe(200);
      await stack.settle();
    },
    controlAuth: () => ({ authorization: `Bearer ${stack.sandbox.controlToken}` }),
    db: (fn) => withOrg(testDb.ownerDb, stack.orgId, fn),
  } as SandboxStack<Who>;

  beforeAll(async () => {
    stack.orgId = (await seededCallers(testDb.db)).sessions.admin.orgId;
    router = createRouterPool(testDb.appUrl);
    const { secret, connectSecret } = options;
    sink = await startWebhookSink(
      createProcessorEventIngest({
        db: testDb.db,
        router,
        platformSecrets: [secret],
        connectSecrets: connectSecret ? [connectSecret] : [],
      }),
    );
    const hook = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/webhooks/stripe`;
    stack.sandbox = await startStripeSandbox({
      port: 0,
      webhookEndpoints: [
        { url: hook, secret },
        ...(connectSecret
          ? [{ url: `${hook}/connect`, secret: connectSecret, connect: true }]
          : []),
      ],
      retry: { maxAttempts: 5, baseDelayMs: 20 },
    });
    stack.gateway = createStripeGateway({
      secretKey: stack.sandbox.apiKey,
      apiUrl: stack.sandbox.url,
    });
    const gateway = options.callerGateway?.(stack.gateway) ?? stack.gateway;
    for (const [who, email] of Object.entries(options.logins) as [Who, string][]) {
      stack.sessions[who] = await sessionFor(testDb.db, email);
      stack.as[who] = callerAs(testDb.db, stack.sessions[who], undefined, { gateway });
    }
    stack.as.anonymous = callerAs(testDb.db, null, undefined, { gateway });
  });
  const { payingLogin } = options;
  if (payingLogin) {
    beforeEach(async () => {
      await resetRateLimit(
        'booking-pay',
        coreEnv.BOOKING_PAY_RATE_LIMIT_PER_MINUTE,
        stack.sessions[payingLogin].user.id,
      );
    });
  }
  afterAll(async () => {
    await stack.sandbox?.stop();
    await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
    await router?.end();
  });
  return stack;
}
