import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomInt,
} from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import type { Db, Tx } from '@souk/db';
import { AppError, recordAudit, type TenantContext } from '@souk/core';
import { authEnv } from './env';
import { consumeRateLimit } from './rate-limit';

/** Error type (AppError details.type) for a sign-in that needs, or got a wrong, second factor. */
export const MFA_REQUIRED = 'mfa_required';
export const MFA_ISSUER = 'Souk';
export const RECOVERY_CODE_COUNT = 10;
/** Code attempts per user per minute, right or wrong: a 6-digit code must not be guessable. */
export const MFA_CODES_PER_MINUTE = 5;
const TOTP_PERIOD_SECONDS = 30;

type MfaDb = Db | Tx;

// ---------------------------------------------------------------------------
// Sealing the TOTP secret at rest: AES-256-GCM with a key derived from NEXTAUTH_SECRET,
// bound to the user id so a sealed secret copied onto another user's row does not open.

const SEAL_VERSION = 'v1';

export function deriveSealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'souk', 'souk:totp-secret:v1', 32));
}

let defaultKey: Buffer | undefined;
function sealingKey(): Buffer {
  defaultKey ??= deriveSealingKey(authEnv.NEXTAUTH_SECRET);
  return defaultKey;
}

export function sealSecret(plain: string, userId: string, key: Buffer = sealingKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [SEAL_VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the key, the user or the sealed text is not the one it was sealed with. */
export function unsealSecret(sealed: string, userId: string, key: Buffer = sealingKey()): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !tag || body === undefined) {
    throw new Error('Sealed TOTP secret has an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

// ---------------------------------------------------------------------------
// Recovery codes: shown once, kept as SHA-256 (50 random bits each; the rate limit
// makes guessing hopeless, so a slow hash buys nothing).

const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function generateRecoveryCode(): string {
  const chars = Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  ).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

async function replaceRecoveryCodes(db: MfaDb, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.mfaRecoveryCode.deleteMany({ where: { userId } });
  await db.mfaRecoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/** The code an authenticator app shows for `secret` at `epochSeconds` (tests, tooling). */
export function totpCodeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}

// ---------------------------------------------------------------------------
// Checking a code

export type MfaCheck =
  | { ok: true; method: 'totp' | 'recovery' }
  | { ok: false; reason: 'invalid' | 'rate_limited'; retryAfterSeconds: number };

const INVALID: MfaCheck = { ok: false, reason: 'invalid', retryAfterSeconds: 0 };

/**
 * A TOTP code (±1 step) newer than the last one accepted. The step is recorded with a
 * conditional UPDATE, so of two requests presenting the same code only one wins.
 */
async function acceptTotp(
  db: MfaDb,
  user: { id: string; totpSecretSealed: string; totpLastStep: number | null },
  token: string,
  pending: boolean,
): Promise<boolean> {
  const secret = unsealSecret(user.totpSecretSealed, user.id);
  const result = await verify({
    secret,
    token,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(user.totpLastStep ? { afterTimeStep: user.totpLastStep } : {}),
  });
  // The result type also covers HOTP; a TOTP match always names its time step.
  if (!result.valid || !('timeStep' in result)) return false;
  const step = result.timeStep;
  const { count } = await db.user.updateMany({
    where: {
      id: user.id,
      totpSecretSealed: user.totpSecretSealed,
      totpEnabledAt: pending ? null : { not: null },
      OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
    },
    data: { totpLastStep: step },
  });
  return count === 1;
}

async function acceptRecoveryCode(db: MfaDb, userId: string, code: string): Promise<boolean> {
  const { count } = await db.mfaRecoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/**
 * Checks a second factor of a user with TOTP on: the current 6-digit code or an unused
 * recovery code (used up here). Every attempt counts against the per-user limit.
 */
export async function checkMfaCode({
  db,
  userId,
  code,
  allowRecoveryCode = true,
}: {
  db: MfaDb;
  userId: string;
  code: string;
  allowRecoveryCode?: boolean;
}): Promise<MfaCheck> {
  const limit = await consumeRateLimit('mfa', MFA_CODES_PER_MINUTE, userId);
  if (!limit.allowed) {
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  }
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.totpEnabledAt || !user.totpSecretSealed) return INVALID;
  const normalized = normalizeCode(code);
  if (/^\d{6}$/.test(normalized)) {
    const ok = await acceptTotp(
      db,
      { id: user.id, totpSecretSealed: user.totpSecretSealed, totpLastStep: user.totpLastStep },
      normalized,
      false,
    );
    return ok ? { ok: true, method: 'totp' } : INVALID;
  }
  if (allowRecoveryCode && /^[a-z2-7]{10}$/.test(normalized)) {
    return (await acceptRecoveryCode(db, userId, normalized))
      ? { ok: true, method: 'recovery' }
      : INVALID;
  }
  return INVALID;
}

/**
 * True for a current TOTP code or an unused recovery code of a user with TOTP on (a
 * recovery code is used up); false for anything else, a replayed code, a user without
 * TOTP, or the sixth attempt within a minute.
 */
export async function verifyMfaCode({
  db,
  userId,
  code,
}: {
  db: MfaDb;
  userId: string;
  code: string;
}): Promise<boolean> {
  return (await checkMfaCode({ db, userId, code })).ok;
}

/** What a sign-in without a good second factor throws (AppError details.type = mfa_required). */
export class MfaRequiredError extends AppError {
  readonly reason: 'missing' | 'invalid' | 'rate_limited';
  readonly retryAfterSeconds: number;

  constructor(reason: MfaRequiredError['reason'], retryAfterSeconds = 0) {
    super(
      'UNAUTHORIZED',
      reason === 'missing'
        ? 'Enter the 6-digit code from your authenticator app, or a recovery code'
        : reason === 'invalid'
          ? 'That code is not valid: enter the current 6-digit code from your authenticator app, or an unused recovery code'
          : `Too many codes tried: try again in ${retryAfterSeconds} seconds`,
      { type: MFA_REQUIRED, reason, retryAfterSeconds },
    );
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isMfaRequiredError(error: unknown): error is MfaRequiredError {
  return error instanceof MfaRequiredError;
}

/** For sign-in: refuses (MfaRequiredError) unless the code is good. */
export async function requireMfaCode({
  db,
  userId,
  code,
}: {
  db: MfaDb;
  userId: string;
  code: string | null | undefined;
}): Promise<void> {
  if (!code?.trim()) throw new MfaRequiredError('missing');
  const check = await checkMfaCode({ db, userId, code });
  if (!check.ok) throw new MfaRequiredError(check.reason, check.retryAfterSeconds);
}

// ---------------------------------------------------------------------------
// Enrollment, recovery codes, reset

export interface MfaStatus {
  enabled: boolean;
  enrolledAt: Date | null;
  /** A secret was handed out and not yet confirmed with a code. */
  pending: boolean;
  recoveryCodesLeft: number;
}

export async function getMfaStatus({
  db,
  userId,
}: {
  db: MfaDb;
  userId: string;
}): Promise<MfaStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpEnabledAt: true, totpSecretSealed: true },
  });
  const recoveryCodesLeft = user?.totpEnabledAt
    ? await db.mfaRecoveryCode.count({ where: { userId, usedAt: null } })
    : 0;
  return {
    enabled: Boolean(user?.totpEnabledAt),
    enrolledAt: user?.totpEnabledAt ?? null,
    pending: Boolean(user && !user.totpEnabledAt && user.totpSecretSealed),
    recoveryCodesLeft,
  };
}

/**
 * Hands out a new secret for the authenticator app; nothing changes for sign-in until a
 * code from it is confirmed. Starting again replaces an unconfirmed secret.
 */
export async function beginEnrollment({
  db,
  userId,
}: {
  db: MfaDb;
  userId: string;
}): Promise<{ secret: string; otpauthUri: string }> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw AppError.notFound('User');
  if (user.totpEnabledAt) {
    throw new AppError(
      'CONFLICT',
      'Two-step verification is already on for your account. If you lost your device, ask an owner to reset it',
    );
  }
  const secret = generateSecret();
  const { count } = await db.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecretSealed: sealSecret(secret, userId), totpLastStep: null },
  });
  if (count === 0) {
    throw new AppError('CONFLICT', 'Two-step verification was turned on meanwhile');
  }
  return {
    secret,
    otpauthUri: generateURI({ issuer: MFA_ISSUER, label: user.email, secret }),
  };
}

const WRONG_CODE =
  'That code is not valid: enter the current 6-digit code from your authenticator app';

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many codes tried: try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}

/**
 * Turns TOTP on with a code from the new secret: returns 10 recovery codes (shown once),
 * marks this session as verified and ends the user's other sessions, which were opened
 * without the second factor.
 */
export async function confirmEnrollment({
  ctx,
  userId,
  sid,
  code,
}: {
  ctx: TenantContext;
  userId: string;
  sid: string;
  code: string;
}): Promise<{ recoveryCodes: string[]; sessionsRevoked: number }> {
  const limit = await consumeRateLimit('mfa', MFA_CODES_PER_MINUTE, userId);
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  const user = await ctx.tx.user.findUnique({ where: { id: userId } });
  if (!user) throw AppError.notFound('User');
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Two-step verification is already on for your account');
  }
  if (!user.totpSecretSealed) {
    throw new AppError('CONFLICT', 'Start setting up two-step verification first');
  }
  const token = normalizeCode(code);
  const ok =
    /^\d{6}$/.test(token) &&
    (await acceptTotp(
      ctx.tx,
      { id: userId, totpSecretSealed: user.totpSecretSealed, totpLastStep: user.totpLastStep },
      token,
      true,
    ));
  if (!ok) throw AppError.field('code', WRONG_CODE);

  const enabledAt = new Date();
  await ctx.tx.user.update({ where: { id: userId }, data: { totpEnabledAt: enabledAt } });
  const recoveryCodes = await replaceRecoveryCodes(ctx.tx, userId);
  const { count: sessionsRevoked } = await ctx.tx.authSession.updateMany({
    where: { userId, revokedAt: null, id: { not: sid } },
    data: { revokedAt: enabledAt },
  });
  await ctx.tx.authSession.updateMany({
    where: { id: sid, userId, revokedAt: null },
    data: { mfaVerified: true },
  });
  await recordAudit(ctx, {
    action: 'mfa.enrolled',
    entityType: 'user',
    entityId: userId,
    before: { totpEnabled: false },
    after: { totpEnabled: true, recoveryCodes: RECOVERY_CODE_COUNT, sessionsRevoked },
  });
  return { recoveryCodes, sessionsRevoked };
}

/** New recovery codes for a user with TOTP on, after a current TOTP code; the old ones stop working. */
export async function regenerateRecoveryCodes({
  ctx,
  userId,
  code,
}: {
  ctx: TenantContext;
  userId: string;
  code: string;
}): Promise<{ recoveryCodes: string[] }> {
  const user = await ctx.tx.user.findUnique({
    where: { id: userId },
    select: { totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Turn on two-step verification first');
  }
  // A recovery code does not buy new recovery codes: the authenticator must be at hand.
  const check = await checkMfaCode({ db: ctx.tx, userId, code, allowRecoveryCode: false });
  if (!check.ok) {
    if (check.reason === 'rate_limited') throw rateLimited(check.retryAfterSeconds);
    throw AppError.field('code', WRONG_CODE);
  }
  const before = await ctx.tx.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
  const recoveryCodes = await replaceRecoveryCodes(ctx.tx, userId);
  await recordAudit(ctx, {
    action: 'mfa.recovery_codes_regenerated',
    entityType: 'user',
    entityId: userId,
    before: { recoveryCodesLeft: before },
    after: { recoveryCodesLeft: recoveryCodes.length },
  });
  return { recoveryCodes };
}

/**
 * An owner's reset for a member who lost their device: TOTP off, secret and recovery codes
 * gone, every session of theirs ended. They sign in with their password and enroll again.
 */
export async function resetMfa({
  ctx,
  userId,
}: {
  ctx: TenantContext;
  userId: string;
}): Promise<{ userId: string; sessionsRevoked: number }> {
  if (ctx.actor?.userId === userId) {
    const message =
      'You cannot reset your own two-step verification: another owner can do it for you';
    throw new AppError('FORBIDDEN', message, { fieldErrors: { userId: [message] } });
  }
  // RLS keeps the lookup to this org: a member of another org reads as unknown.
  const member = await ctx.tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
    include: {
      user: { select: { email: true, totpEnabledAt: true, totpSecretSealed: true } },
    },
  });
  if (!member) throw AppError.notFound('User');
  const recoveryCodes = await ctx.tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await ctx.tx.user.update({
    where: { id: userId },
    data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null },
  });
  const { count: sessionsRevoked } = await ctx.tx.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await recordAudit(ctx, {
    action: 'mfa.reset',
    entityType: 'user',
    entityId: userId,
    before: {
      email: member.user.email,
      totpEnabled: Boolean(member.user.totpEnabledAt),
      pendingEnrollment: Boolean(!member.user.totpEnabledAt && member.user.totpSecretSealed),
      recoveryCodes: recoveryCodes.count,
    },
    after: { email: member.user.email, totpEnabled: false, sessionsRevoked },
  });
  return { userId, sessionsRevoked };
}
