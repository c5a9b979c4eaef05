import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLocalRoot } from './settings';

describe('resolveLocalRoot', () => {
  const cwd = '/srv/souk/apps/web';
  it('prefers UPLOAD_ROOT (relative to the working directory)', () => {
    expect(resolveLocalRoot({ UPLOAD_ROOT: '/data/uploads', SOUK_DATA_DIR: '/x', cwd })).toBe(
      '/data/uploads',
    );
    expect(resolveLocalRoot({ UPLOAD_ROOT: 'files', cwd })).toBe(path.join(cwd, 'files'));
  });

  it('then an absolute SOUK_DATA_DIR, as pnpm start sets it for web and worker', () => {
    expect(resolveLocalRoot({ SOUK_DATA_DIR: '/srv/souk/.data', cwd })).toBe(
      '/srv/souk/.data/uploads',
    );
  });

  it('else .data/uploads under the working directory', () => {
    expect(resolveLocalRoot({ SOUK_DATA_DIR: '.data', cwd })).toBe(path.join(cwd, '.data/uploads'));
    expect(resolveLocalRoot({ cwd })).toBe(path.join(cwd, '.data/uploads'));
  });
});
