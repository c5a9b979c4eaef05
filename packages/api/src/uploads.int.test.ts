import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  confirmUpload,
  downloadUrl,
  readLocalUpload,
  receiveLocalUpload,
  requestUpload,
  uploadSettingsFromEnv,
  type TenantContext,
  type UploadSettings,
} from '@souk/core';
import { signedUploadUrl, tinyPdf, tinyPng, uploadLinkParams } from '@souk/core/testing';
import { withOrg } from '@souk/db';
import { fieldErrorsOf } from './errors';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { errorOf } from './test/trpc-errors';

// Before @souk/core reads its env: this file's files go to a temporary root.
const uploadRoot = vi.hoisted(() => {
  const root = `${process.env.TMPDIR ?? '/tmp'}/souk-uploads-int-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_ROOT = root;
  return root;
});

const { testDb, c } = seededDatabaseForFile();
let orgId: string;
let vendor: Caller;
let otherVendor: Caller;
let vendorUserId: string;
let vendorProfileId: string;

async function ensureVendor(userId: string, displayName: string): Promise<string> {
  const profile = await withOrg(testDb.db, orgId, (tx) =>
    tx.vendor.upsert({
      where: { orgId_userId: { orgId, userId } },
      update: {},
      create: { orgId, userId, type: 'service_provider', displayName, status: 'approved' },
    }),
  );
  return profile.id;
}

beforeAll(async () => {
  orgId = c.sessions.admin.orgId;

  const vendorSession = await sessionFor(testDb.db, 'vendor@souk.test');
  vendorUserId = vendorSession.user.id;
  vendorProfileId = await ensureVendor(vendorUserId, 'Lens & Light');
  vendor = callerAs(testDb.db, vendorSession);

  // A second vendor in the same org, made here so the test owns it.
  const other = await testDb.ownerDb.user.create({
    data: { email: `other-vendor-${crypto.randomUUID()}@souk.test`, name: 'Other vendor' },
  });
  await withOrg(testDb.db, orgId, (tx) =>
    tx.membership.create({ data: { orgId, userId: other.id, role: 'VENDOR' } }),
  );
  await ensureVendor(other.id, 'Other Venue');
  otherVendor = callerAs(testDb.db, await sessionFor(testDb.db, other.email));
});

afterAll(async () => {
  await rm(uploadRoot, { recursive: true, force: true });
});

const png = tinyPng(4, 3);

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** What the web route does with a PUT to the signed URL. */
function put(url: string, body: Uint8Array, contentLength: number | null = body.length) {
  return receiveLocalUpload({
    ...uploadLinkParams(url),
    db: testDb.db,
    body: streamOf(body),
    contentLength,
  });
}

const uploadRow = (id: string) =>
  withOrg(testDb.ownerDb, orgId, (tx) => tx.upload.findUniqueOrThrow({ where: { id } }));
const uploadCount = () => withOrg(testDb.ownerDb, orgId, (tx) => tx.upload.count());
const ownerDir = (ownerId: string) => path.join(uploadRoot, 'uploads', orgId, ownerId);
const filesOf = async (ownerId: string) =>
  existsSync(ownerDir(ownerId)) ? await readdir(ownerDir(ownerId)) : [];

const photo = (
  over: Partial<{ fileName: string; contentType: string; sizeBytes: number }> = {},
) => ({
  kind: 'venue_photo' as const,
  fileName: 'Terrace at dusk.png',
  contentType: 'image/png',
  sizeBytes: png.length,
  ...over,
});

describe('who may upload what', () => {
  it('a customer cannot request any kind', async () => {
    for (const kind of [
      'venue_blueprint',
      'venue_photo',
      'service_portfolio',
      'template_media',
    ] as const) {
      const error = await errorOf(c.customer.uploads.requestUpload({ ...photo(), kind }));
      expect(error.code).toBe('FORBIDDEN');
    }
    // Core says which kind, whatever the permission table grants.
    const customer = c.sessions.customer;
    const asCustomer = (tx: TenantContext['tx']): TenantContext => ({
      tx,
      orgId,
      actor: { userId: customer.user.id, email: customer.user.email, role: customer.role },
      requestId: null,
    });
    await expect(
      withOrg(testDb.db, orgId, (tx) =>
        requestUpload({ ctx: asCustomer(tx), input: { ...photo(), kind: 'service_portfolio' } }),
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('service_portfolio') as string,
    });
  });

  it('a vendor cannot request template_media', async () => {
    const error = await errorOf(
      vendor.uploads.requestUpload({ ...photo(), kind: 'template_media' }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('template_media');
  });

  it('an admin cannot request vendor kinds, but can request template_media', async () => {
    for (const kind of ['venue_blueprint', 'venue_photo', 'service_portfolio'] as const) {
      const error = await errorOf(c.admin.uploads.requestUpload({ ...photo(), kind }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain(kind);
    }
    const ok = await c.admin.uploads.requestUpload({ ...photo(), kind: 'template_media' });
    const row = await uploadRow(ok.uploadId);
    expect(row).toMatchObject({ kind: 'template_media', vendorId: null, status: 'pending' });
  });

  it('a vendor without a vendor profile is told to set one up', async () => {
    const user = await testDb.ownerDb.user.create({
      data: { email: `new-vendor-${crypto.randomUUID()}@souk.test` },
    });
    await withOrg(testDb.db, orgId, (tx) =>
      tx.membership.create({ data: { orgId, userId: user.id, role: 'VENDOR' } }),
    );
    const fresh = callerAs(testDb.db, await sessionFor(testDb.db, user.email));
    const error = await errorOf(fresh.uploads.requestUpload(photo()));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/vendor profile.*venue_photo/);
  });
});

describe('what may be declared', () => {
  it('a type outside the allowlist names contentType (SVG is not allowed by default)', async () => {
    const before = await uploadCount();
    const error = await errorOf(
      vendor.uploads.requestUpload(photo({ fileName: 'logo.svg', contentType: 'image/svg+xml' })),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrorsOf(error.cause) ?? {})).toEqual(['contentType']);
    expect(await uploadCount()).toBe(before);
  });

  it('too many bytes names sizeBytes', async () => {
    const error = await errorOf(vendor.uploads.requestUpload(photo({ sizeBytes: 15_000_001 })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toHaveProperty('sizeBytes');
  });

  it('a bad kind or an empty file name names the field', async () => {
    const kind = await errorOf(
      vendor.uploads.requestUpload({ ...photo(), kind: 'avatar' as 'venue_photo' }),
    );
    expect(fieldErrorsOf(kind.cause)).toHaveProperty('kind');
    const name = await errorOf(vendor.uploads.requestUpload(photo({ fileName: '  ' })));
    expect(fieldErrorsOf(name.cause)).toHaveProperty('fileName');
  });
});

describe('local storage: signed PUT, checks on the real bytes, signed GET', () => {
  let storedId: string;

  it('a real PNG lands stored, sniffed as image/png, under uploads/{org}/{owner}/', async () => {
    const req = await vendor.uploads.requestUpload(photo());
    expect(req.method).toBe('PUT');
    expect(req.url).toMatch(
      new RegExp(`/api/uploads/${req.uploadId}\\?org=${orgId}&op=put&expires=\\d+&sig=`),
    );
    expect(req.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(req.key).toBe(`uploads/${orgId}/${vendorUserId}/${req.uploadId}-Terrace-at-dusk.png`);
    expect(req.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const landed = await put(req.url, png);
    expect(landed).toMatchObject({
      ok: true,
      upload: { status: 'stored', contentType: 'image/png' },
    });

    const row = await uploadRow(req.uploadId);
    expect(row).toMatchObject({
      status: 'stored',
      sniffedType: 'image/png',
      sizeBytes: png.length,
      vendorId: vendorProfileId,
      ownerId: vendorUserId,
      backend: 'local',
      rejectReason: null,
    });
    expect(row.storedAt).toBeInstanceOf(Date);
    const onDisk = await readFile(path.join(uploadRoot, req.key));
    expect(onDisk.equals(png)).toBe(true);
    expect(await filesOf(vendorUserId)).toContain(`${req.uploadId}-Terrace-at-dusk.png`);

    // confirm is a no-op for local uploads and says where it stands.
    expect(await vendor.uploads.confirmUpload({ uploadId: req.uploadId })).toMatchObject({
      status: 'stored',
      sizeBytes: png.length,
    });
    const mine = await vendor.uploads.listMyUploads({ kind: 'venue_photo' });
    expect(mine.map((u) => u.id)).toContain(req.uploadId);
    expect((await otherVendor.uploads.listMyUploads()).map((u) => u.id)).not.toContain(
      req.uploadId,
    );
    storedId = req.uploadId;
  });

  it('a used link cannot store other bytes over it', async () => {
    const row = await uploadRow(storedId);
    const again = await receiveLocalUpload({
      ...uploadLinkParams(
        signedUploadUrl(
          'http://x',
          { orgId, uploadId: storedId, op: 'put', expires: Math.floor(Date.now() / 1000) + 60 },
          uploadSettingsFromEnv().linkSecret,
        ),
      ),
      db: testDb.db,
      body: streamOf(tinyPdf()),
    });
    expect(again).toMatchObject({ ok: false, problem: 'conflict' });
    expect((await readFile(path.join(uploadRoot, row.key))).equals(png)).toBe(true);
  });

  it('the GET serves the bytes with the sniffed type, nosniff and inline disposition', async () => {
    const { url } = await vendor.uploads.getDownloadUrl({ uploadId: storedId });
    expect(uploadLinkParams(url).op).toBe('get');
    const served = await readLocalUpload({ ...uploadLinkParams(url), db: testDb.db });
    if (!served.ok) throw new Error(served.message);
    expect(served.headers).toMatchObject({
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline; filename="Terrace at dusk.png"',
    });
    expect(served.headers['Cache-Control']).toMatch(/^private, max-age=\d+$/);
    const body = Buffer.from(await new Response(served.body).arrayBuffer());
    expect(body.equals(png)).toBe(true);

    // A PUT link does not read, and a GET link cannot be stretched.
    const { url: putUrl } = await vendor.uploads.requestUpload(photo());
    expect(await readLocalUpload({ ...uploadLinkParams(putUrl), db: testDb.db })).toMatchObject({
      problem: 'invalid_link',
    });
    const stretched = {
      ...uploadLinkParams(url),
      expires: String(Number(uploadLinkParams(url).expires) + 3600),
    };
    expect(await readLocalUpload({ ...stretched, db: testDb.db })).toMatchObject({
      problem: 'bad_signature',
    });
  });

  it('an owner/admin may get a download link; another vendor may not', async () => {
    await expect(c.admin.uploads.getDownloadUrl({ uploadId: storedId })).resolves.toHaveProperty(
      'url',
    );
    const error = await errorOf(otherVendor.uploads.getDownloadUrl({ uploadId: storedId }));
    expect(error.code).toBe('NOT_FOUND');
    // Nor can they confirm (or learn anything about) it.
    expect((await errorOf(otherVendor.uploads.confirmUpload({ uploadId: storedId }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('a PDF declared as image/png is rejected and its bytes removed', async () => {
    const pdf = tinyPdf();
    const req = await vendor.uploads.requestUpload(
      photo({ fileName: 'sneaky.png', sizeBytes: pdf.length }),
    );
    const landed = await put(req.url, pdf);
    expect(landed).toMatchObject({ ok: false, problem: 'unsupported_type' });
    const row = await uploadRow(req.uploadId);
    expect(row.status).toBe('rejected');
    expect(row.sniffedType).toBe('application/pdf');
    expect(row.rejectReason).toBe(
      "The file's contents are application/pdf, but it was declared as image/png",
    );
    expect(existsSync(path.join(uploadRoot, req.key))).toBe(false);
    expect((await filesOf(vendorUserId)).filter((f) => f.startsWith(req.uploadId))).toEqual([]);
    expect((await errorOf(vendor.uploads.getDownloadUrl({ uploadId: req.uploadId }))).code).toBe(
      'CONFLICT',
    );
  });

  it('plain text declared as image/png is rejected', async () => {
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const req = await vendor.uploads.requestUpload(
      photo({ fileName: 'x.png', sizeBytes: text.length }),
    );
    expect(await put(req.url, text)).toMatchObject({ ok: false, problem: 'unsupported_type' });
    expect(await uploadRow(req.uploadId)).toMatchObject({ status: 'rejected', sniffedType: null });
    expect(existsSync(path.join(uploadRoot, req.key))).toBe(false);
  });

  it('more bytes than declared are cut off and rejected as too large', async () => {
    const req = await vendor.uploads.requestUpload(photo({ fileName: 'big.png' }));
    // No Content-Length (chunked): the cap is enforced while streaming.
    const landed = await put(req.url, Buffer.concat([png, Buffer.alloc(64 * 1024)]), null);
    expect(landed).toMatchObject({ ok: false, problem: 'too_large' });
    const row = await uploadRow(req.uploadId);
    expect(row).toMatchObject({ status: 'rejected', sizeBytes: png.length + 1 });
    expect(existsSync(path.join(uploadRoot, req.key))).toBe(false);
    expect((await filesOf(vendorUserId)).filter((f) => f.startsWith(req.uploadId))).toEqual([]);

    // A Content-Length over the limit is refused before a byte is read.
    const req2 = await vendor.uploads.requestUpload(photo({ fileName: 'big2.png' }));
    const body = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the body must not be read');
      },
    });
    const refused = await receiveLocalUpload({
      ...uploadLinkParams(req2.url),
      db: testDb.db,
      body,
      contentLength: String(png.length + 1),
    });
    expect(refused).toMatchObject({ ok: false, problem: 'too_large' });
    expect(await uploadRow(req2.uploadId)).toMatchObject({ status: 'rejected' });
  });

  it('an expired or tampered link is refused and changes nothing', async () => {
    const req = await vendor.uploads.requestUpload(photo({ fileName: 'later.png' }));
    const link = uploadLinkParams(req.url);
    const secret = uploadSettingsFromEnv().linkSecret;
    const expired = uploadLinkParams(
      signedUploadUrl(
        'http://x',
        { orgId, uploadId: req.uploadId, op: 'put', expires: Math.floor(Date.now() / 1000) - 1 },
        secret,
      ),
    );
    const flipped = link.sig!.startsWith('A') ? `B${link.sig!.slice(1)}` : `A${link.sig!.slice(1)}`;
    const attempts = [
      { ...expired, problem: 'expired' },
      { ...link, sig: flipped, problem: 'bad_signature' },
      { ...link, expires: String(Number(link.expires) + 86_400), problem: 'bad_signature' },
      { ...link, orgId: c.sessions.acmeAdmin.orgId, problem: 'bad_signature' },
      { ...link, sig: null, problem: 'invalid_link' },
    ];
    for (const { problem, ...params } of attempts) {
      const result = await receiveLocalUpload({ ...params, db: testDb.db, body: streamOf(png) });
      expect(result).toMatchObject({ ok: false, problem });
    }
    expect(await uploadRow(req.uploadId)).toMatchObject({
      status: 'pending',
      sniffedType: null,
      sizeBytes: null,
    });
    expect((await filesOf(vendorUserId)).filter((f) => f.startsWith(req.uploadId))).toEqual([]);
    // The genuine link still works afterwards.
    expect(await put(req.url, png)).toMatchObject({ ok: true });
  });
});

describe('S3-compatible storage against s3rver', () => {
  let s3rver: S3rver;
  let s3Dir: string;
  let settings: UploadSettings;
  const bucket = 'souk-uploads-test';

  beforeAll(async () => {
    s3Dir = await mkdtemp(path.join(tmpdir(), 'souk-s3rver-'));
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: bucket }],
    });
    const { port } = await s3rver.run();
    settings = {
      ...uploadSettingsFromEnv(),
      backend: 's3',
      s3: {
        bucket,
        region: 'us-east-1',
        endpointUrl: `http://127.0.0.1:${port}`,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      },
    };
  });
  afterAll(async () => {
    await s3rver?.close();
    if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
  });

  const asVendor = <T>(fn: (ctx: TenantContext) => Promise<T>) =>
    withOrg(testDb.db, orgId, (tx) =>
      fn({
        tx,
        orgId,
        actor: { userId: vendorUserId, email: 'vendor@souk.test', role: 'VENDOR' },
        requestId: null,
      }),
    );

  const s3Put = (url: string, headers: Record<string, string>, body: Uint8Array) =>
    fetch(url, { method: 'PUT', headers, body });

  it('presigned PUT, then confirm sniffs the object and stores the row; presigned GET reads it', async () => {
    const req = await asVendor((ctx) => requestUpload({ ctx, input: photo(), settings }));
    const url = new URL(req.url);
    expect(url.pathname).toBe(`/${bucket}/${req.key}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');

    // Nothing there yet: confirm says so and changes nothing.
    await expect(
      asVendor((ctx) => confirmUpload({ ctx, uploadId: req.uploadId, settings })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // The signature covers type and size: anything else is refused by the bucket.
    const wrongType = await s3Put(req.url, { ...req.headers, 'Content-Type': 'text/html' }, png);
    expect(wrongType.status).toBe(403);

    const res = await s3Put(req.url, req.headers, png);
    expect(res.status).toBe(200);
    const confirmed = await asVendor((ctx) =>
      confirmUpload({ ctx, uploadId: req.uploadId, settings }),
    );
    expect(confirmed).toMatchObject({
      status: 'stored',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    expect(await uploadRow(req.uploadId)).toMatchObject({
      backend: 's3',
      sniffedType: 'image/png',
    });
    // Idempotent.
    expect(
      await asVendor((ctx) => confirmUpload({ ctx, uploadId: req.uploadId, settings })),
    ).toMatchObject({ status: 'stored' });

    const { url: getUrl } = await asVendor((ctx) =>
      downloadUrl({ ctx, uploadId: req.uploadId, settings }),
    );
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toBe('inline; filename="Terrace at dusk.png"');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
  });

  it('a PDF declared as PNG is rejected on confirm and deleted from the bucket', async () => {
    const pdf = tinyPdf();
    const req = await asVendor((ctx) =>
      requestUpload({
        ctx,
        input: photo({ fileName: 'fake.png', sizeBytes: pdf.length }),
        settings,
      }),
    );
    expect((await s3Put(req.url, req.headers, pdf)).status).toBe(200);
    const confirmed = await asVendor((ctx) =>
      confirmUpload({ ctx, uploadId: req.uploadId, settings }),
    );
    expect(confirmed).toMatchObject({
      status: 'rejected',
      rejectReason: "The file's contents are application/pdf, but it was declared as image/png",
    });
    // Gone: a fresh confirm cannot find it, and nothing is left under the key.
    const row = await uploadRow(req.uploadId);
    expect(row.status).toBe('rejected');
    const leftovers = await readdir(path.join(s3Dir, bucket), { recursive: true });
    expect(leftovers.filter((f) => String(f).includes(req.uploadId))).toEqual([]);
  });
});
