import { deflateSync } from 'node:zlib';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';

// Presigned uploads from the vendor portal: the browser PUTs to an app-signed local
// URL; the server sniffs the bytes and keeps or rejects the file.

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A real 2x2 PNG, built here so the test carries no binary fixture. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0, 0, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a vendor uploads a portfolio image; a disguised file is rejected by its bytes', async ({
  browser,
}) => {
  const vendor = await signedInPage(browser, 'vendor@souk.test');
  await vendor.goto('/vendor/profile');
  const input = vendor.getByLabel('Portfolio file');

  await input.setInputFiles({ name: 'wedding.png', mimeType: 'image/png', buffer: png() });
  await expect(vendor.getByText('Uploaded wedding.png')).toBeVisible();
  const files = vendor.getByRole('table', { name: 'Your files' });
  await expect(files.getByRole('row').filter({ hasText: 'wedding.png' })).toBeVisible();

  // Declared as a PNG, but the bytes are text: refused when it lands, nothing kept.
  await input.setInputFiles({
    name: 'invoice.png',
    mimeType: 'image/png',
    buffer: Buffer.from('definitely not an image, call me on 555 0100'),
  });
  await expect(
    vendor.getByText("The file's contents are not a recognised image/png file"),
  ).toBeVisible();
  await expect(vendor.getByText('Uploaded invoice.png')).toHaveCount(0);
});
