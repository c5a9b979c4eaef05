import { describe, expect, it } from 'vitest';
import { sanitizeFileName, uploadObjectKey } from './object-key';

describe('sanitizeFileName', () => {
  it('keeps plain names and their extension', () => {
    expect(sanitizeFileName('floor-plan_v2.pdf')).toBe('floor-plan_v2.pdf');
  });

  it('drops directories, traversal and hidden-file dots', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\me\\..\\photo.png')).toBe('photo.png');
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('..')).toBe('file');
  });

  it('turns spaces, accents and symbols into safe ASCII', () => {
    expect(sanitizeFileName('Café Menu (final) <script>.png')).toBe('Cafe-Menu-final-script-.png');
    expect(sanitizeFileName('"quoted";\r\nname.jpg')).toBe('quoted-name.jpg');
    expect(sanitizeFileName('日本語')).toBe('file');
  });

  it('shortens long names but keeps the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(300)}.jpeg`);
    expect(name).toHaveLength(100);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});

describe('uploadObjectKey', () => {
  it('scopes keys by org and owner', () => {
    expect(
      uploadObjectKey({ orgId: 'org', ownerId: 'user', uploadId: 'u1', fileName: 'My Photo.PNG' }),
    ).toBe('uploads/org/user/u1-My-Photo.PNG');
  });
});
