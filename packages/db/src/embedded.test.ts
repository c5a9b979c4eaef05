import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertPostgresUserCanReach,
  EmbeddedPostgresAccessError,
  foldersBlocking,
} from './embedded';

// A user that owns nothing here and belongs to no group here: only "other" bits count.
const stranger = { uid: 987_654, gids: [987_654] };

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'souk-embedded-'));
  await chmod(base, 0o755);
});
afterEach(async () => {
  await chmod(base, 0o755).catch(() => undefined);
  await rm(base, { recursive: true, force: true });
});

describe('foldersBlocking', () => {
  it('names a 0700 folder on the way (a clone under mktemp -d or /root)', async () => {
    const clone = path.join(base, 'clone');
    await mkdir(path.join(clone, '.data'), { recursive: true });
    await chmod(clone, 0o700);
    expect(await foldersBlocking(path.join(clone, '.data', 'postgres'), stranger)).toEqual([
      { folder: clone, mode: '0700', ownerUid: process.getuid!() },
    ]);
  });

  it('lets through folders with o+x, and owners and group members with their own bits', async () => {
    const open = path.join(base, 'open');
    await mkdir(open);
    await chmod(open, 0o711);
    expect(await foldersBlocking(path.join(open, 'not-yet'), stranger)).toEqual([]);
    await chmod(open, 0o700);
    const me = { uid: process.getuid!(), gids: [] };
    expect(await foldersBlocking(open, me)).toEqual([]);
    await chmod(open, 0o070);
    expect(await foldersBlocking(open, { uid: -1, gids: [process.getgid!()] })).toEqual([]);
  });
});

describe('assertPostgresUserCanReach', () => {
  it('says which folder blocks the data and how to fix it, instead of spawn EACCES', async () => {
    const clone = path.join(base, 'clone');
    await mkdir(path.join(clone, '.data'), { recursive: true });
    await chmod(clone, 0o700);
    const error = await assertPostgresUserCanReach({
      dataDir: path.join(clone, '.data', 'postgres'),
      binDir: null,
      who: stranger,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresAccessError);
    const message = (error as Error).message;
    expect(message).toContain('which cannot enter:');
    expect(message).toContain(`${clone} (mode 0700`);
    expect(message).toContain(`chmod o+x ${clone}`);
    expect(message).toContain('SOUK_DATA_DIR=');
    expect(message).toContain('DATABASE_URL=');
  });

  it('points at the clone itself when the PostgreSQL programs are out of reach', async () => {
    const clone = path.join(base, 'clone');
    const bin = path.join(clone, 'node_modules', 'native', 'bin');
    await mkdir(bin, { recursive: true });
    await chmod(clone, 0o700);
    const message = await assertPostgresUserCanReach({
      dataDir: path.join(base, 'data', 'postgres'),
      binDir: bin,
      who: stranger,
    }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).toContain(`the PostgreSQL programs (${bin})`);
    expect(message).toContain('clone the repository under a folder every user can enter');
  });

  it('passes when every folder on the way can be entered', async () => {
    await expect(
      assertPostgresUserCanReach({
        dataDir: path.join(base, 'data', 'postgres'),
        binDir: base,
        who: stranger,
      }),
    ).resolves.toBeUndefined();
  });
});
