import { z } from 'zod';
import { formatMoney } from './money';

/**
 * Shared input building blocks. Every string, number and date a procedure accepts goes
 * through one of these, so what reaches Postgres is bounded and storable: no U+0000 (text
 * and jsonb refuse it), no lone surrogates, no year Postgres cannot hold, no integer wider
 * than int4. The fuzz test (packages/api/src/fuzz.int.test.ts) walks every procedure input
 * and fails on any leaf that is not marked as coming from here.
 */

const SAFE_KEY = 'soukSafe';

/** Largest value an int4 column holds. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
export const NOT_ALLOWED_CHARACTER = 'Contains a character that is not allowed';

// A surrogate half without its partner is not valid UTF-16, so it has no UTF-8 form.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for U+0000 (Postgres text and jsonb refuse it) and for lone surrogates. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

function markSafe<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [SAFE_KEY]: true });
}

/**
 * True when the schema was built here. Checks chained afterwards (`.min()`, `.refine()`)
 * keep the mark: zod's registry inherits metadata from the schema a check was added to.
 */
export function isSafeSchema(schema: z.core.$ZodType): boolean {
  return z.globalRegistry.get(schema)?.[SAFE_KEY] === true;
}

function storable(schema: z.ZodString): z.ZodString {
  return schema.refine(isStorableText, NOT_ALLOWED_CHARACTER);
}

export interface TextOptions {
  max: number;
  maxMessage?: string;
  min?: number;
  minMessage?: string;
  /** Trims surrounding whitespace before the length checks (default true). */
  trim?: boolean;
  lowercase?: boolean;
  /** Names the field in the default messages ("Name is at most 120 characters"). */
  label?: string;
  message?: string;
}

export function text(options: TextOptions): z.ZodString {
  const { max, min, label, trim = true } = options;
  let schema = z.string({
    error: options.message ?? (label ? `${label} must be text` : 'Must be text'),
  });
  if (trim) schema = schema.trim();
  if (options.lowercase) schema = schema.toLowerCase();
  schema = storable(schema);
  if (min !== undefined) {
    const minMessage = label
      ? min === 1
        ? `${label} is required`
        : `${label} needs at least ${min} characters`
      : min === 1
        ? 'Required'
        : `At least ${min} characters`;
    schema = schema.min(min, options.minMessage ?? minMessage);
  }
  const maxMessage = label ? `${label} is at most ${max} characters` : `At most ${max} characters`;
  schema = schema.max(max, options.maxMessage ?? maxMessage);
  return markSafe(schema);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug someone chooses: lowercased, 2..80 characters, letters, digits and single dashes. */
export function slug(label = 'Slug'): z.ZodString {
  return markSafe(
    text({ max: 80, min: 2, lowercase: true, label }).regex(
      SLUG_PATTERN,
      `${label} can only use lowercase letters, numbers and single dashes`,
    ),
  );
}

export function uuidId(message = 'Unknown id'): z.ZodUUID {
  return markSafe(z.uuid(message));
}

export function email(message = 'Enter an email address'): z.ZodEmail {
  return markSafe(z.email(message).max(320, 'Email addresses are at most 320 characters'));
}

export interface UrlOptions {
  message?: string;
  /** Only http(s), the default: other schemes (javascript:, data:) never reach a link. */
  httpOnly?: boolean;
  max?: number;
}

export function url(options: UrlOptions = {}): z.ZodURL {
  const { message = 'Must be a URL', httpOnly = true, max = 2000 } = options;
  const schema = httpOnly ? z.url({ protocol: /^https?$/, error: message }) : z.url(message);
  return markSafe(
    schema
      .refine(isStorableText, NOT_ALLOWED_CHARACTER)
      .max(max, `URLs are at most ${max} characters`),
  );
}

function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
const yearMessage = (label: string) => `${label} must be between ${MIN_YEAR} and ${MAX_YEAR}`;

/** A calendar date as YYYY-MM-DD (kept a string), with a year Postgres and people can use. */
export function dateOnly(
  message = 'Must be a date (YYYY-MM-DD)',
  label = 'The date',
): z.ZodISODate {
  return markSafe(
    z.iso
      .date(message)
      .refine((value) => yearInRange(Number(value.slice(0, 4))), yearMessage(label)),
  );
}

/** An instant, from a Date or an ISO string; JS dates reach far past what timestamptz holds. */
export function dateTime(message = 'Must be a date and time', label = 'The date') {
  return markSafe(
    z.coerce
      .date({ message })
      .refine((value) => yearInRange(value.getUTCFullYear()), yearMessage(label)),
  );
}

export interface IntOptions {
  /** Names the field in the default messages ("Guests must be at least 1"). */
  label?: string;
  min?: number;
  max?: number;
  message?: string;
  minMessage?: string;
  maxMessage?: string;
  /** Message for a fractional number (default: the type message). */
  intMessage?: string;
}

/** A whole number within int4 unless a tighter range is given. */
export function int(options: IntOptions = {}): z.ZodNumber {
  const { min = INT4_MIN, max = INT4_MAX, label } = options;
  const message =
    options.message ?? (label ? `${label} must be a whole number` : 'Must be a whole number');
  if (min < INT4_MIN || max > INT4_MAX) throw new Error('int() bounds must fit in int4');
  const subject = label ?? 'Must';
  const verb = label ? ' must' : '';
  return markSafe(
    z
      .number({ error: message })
      .int(options.intMessage ?? message)
      .min(min, options.minMessage ?? `${subject}${verb} be at least ${min}`)
      .max(max, options.maxMessage ?? `${subject}${verb} be at most ${max}`),
  );
}

/**
 * A money limit as people read it: "$1,000.00". Limits are counted in minor units, the
 * same number for every currency, so they are shown in the store's default, USD.
 */
export function moneyLimit(cents: number): string {
  return formatMoney(cents, 'USD');
}

/**
 * Money in integer cents; the column is int4, so the range must stay inside it. The
 * messages name the field and give limits in money: "Budget must be at most $1,000,000.00".
 */
export function cents(options: IntOptions = {}): z.ZodNumber {
  const label = options.label ?? 'Amount';
  const min = options.min ?? 0;
  const max = options.max ?? INT4_MAX;
  return int({
    message: `${label} must be a whole number of cents`,
    minMessage:
      min === 0 ? `${label} cannot be negative` : `${label} must be at least ${moneyLimit(min)}`,
    maxMessage: `${label} must be at most ${moneyLimit(max)}`,
    ...options,
    min,
    max,
  });
}

export const MAX_PAGE = 100_000;

export function page(): z.ZodDefault<z.ZodNumber> {
  return int({ min: 1, max: MAX_PAGE, message: 'Page must be a whole number' }).default(1);
}

export function pageSize(defaultSize = 25, max = 100): z.ZodDefault<z.ZodNumber> {
  return int({ min: 1, max, message: 'Page size must be a whole number' }).default(defaultSize);
}

/**
 * The fields of an object schema as a partial update: every field optional and none
 * defaulted, so an update only changes what the caller sent. `.partial()` alone keeps
 * `.default()`s, which silently reset omitted fields (name-only edits wiped descriptions).
 */
export function partialUpdate<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<UndefaultedField<Shape[K]>> }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    shape[key] = bare.optional();
  }
  return z.object(shape) as never;
}
type UndefaultedField<F> = F extends z.ZodDefault<infer Inner> ? Inner : F;

export interface RedirectUrlOptions {
  /** Hosts a redirect may go to (`host` or `host:port`); read at parse time, so env can feed it. */
  allowedHosts: readonly string[] | (() => readonly string[]);
  label?: string;
}

// 169.254.0.0/16 and fe80::/10: cloud metadata and other link-local services.
function isLinkLocal(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return /^169\.254\.\d{1,3}\.\d{1,3}$/.test(bare) || /^fe[89ab][0-9a-f]?:/.test(bare);
}

/** Why a URL may not be used as a redirect target, or null when it may. */
export function redirectUrlProblem(
  value: string,
  allowedHosts: readonly string[],
  label = 'The URL',
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `${label} must be a full http(s) URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `${label} must start with http:// or https://`;
  }
  if (parsed.username || parsed.password)
    return `${label} must not contain a user name or password`;
  if (isLinkLocal(parsed.hostname)) return `${label} must not point at a link-local address`;
  const host = parsed.host.toLowerCase();
  const hostname = parsed.hostname.toLowerCase();
  const ok = allowedHosts.some((allowed) => {
    const a = allowed.toLowerCase();
    return a.includes(':') && !a.startsWith('[') ? a === host : a === hostname || a === host;
  });
  return ok ? null : `${label} must point at this site (${allowedHosts.join(', ')})`;
}

/**
 * A URL we send people to (return, refresh, success, cancel): http(s) only, on an allowed
 * host, never a `javascript:`/`data:` link or a link-local address. One schema for every
 * redirect taken from input, so an open redirect cannot appear in one procedure only.
 */
export function redirectUrl(options: RedirectUrlOptions): z.ZodString {
  const label = options.label ?? 'The URL';
  return markSafe(
    z
      .string({ error: `${label} must be a URL` })
      .trim()
      .max(2000, `URLs are at most 2000 characters`)
      .refine(isStorableText, NOT_ALLOWED_CHARACTER)
      .superRefine((value, ctx) => {
        const hosts =
          typeof options.allowedHosts === 'function'
            ? options.allowedHosts()
            : options.allowedHosts;
        const problem = redirectUrlProblem(value, hosts, label);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  );
}
