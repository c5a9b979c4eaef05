import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM; stored as base64(iv | tag | ciphertext) with a version prefix.
const PREFIX = 'v1:';

function keyFrom(material: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(material)
    ? Buffer.from(material, 'hex')
    : Buffer.from(material, 'base64');
  if (key.length !== 32)
    throw new Error('PAYMENTS_ENCRYPTION_KEY must be 32 bytes (hex or base64)');
  return key;
}

export function encryptSecret(plain: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keyMaterial), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

export function decryptSecret(stored: string, keyMaterial: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error('Unknown secret format');
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(keyMaterial), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
