// Readers for qs-parsed Stripe form parameters. Every failure names the Stripe `param`.
import { SandboxApiError, invalidParam, missingParam } from './errors';

export type Params = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optString(params: Params, key: string, param = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidParam(param, `Invalid string: ${param}`);
  return value;
}

export function reqString(params: Params, key: string, param = key): string {
  const value = optString(params, key, param);
  if (value === undefined || value === '') throw missingParam(param);
  return value;
}

export function optInteger(params: Params, key: string, param = key): number | undefined {
  const value = optString(params, key, param);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new SandboxApiError(
      400,
      'invalid_request_error',
      `Invalid integer: ${value}`,
      param,
      'parameter_invalid_integer',
    );
  }
  return n;
}

export function reqInteger(params: Params, key: string, param = key): number {
  const value = optInteger(params, key, param);
  if (value === undefined) throw missingParam(param);
  return value;
}

export function optBoolean(params: Params, key: string, param = key): boolean | undefined {
  const value = optString(params, key, param);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParam(param, `Invalid boolean: ${value}`);
}

export function optCurrency(params: Params, key: string, param = key): string | undefined {
  const value = optString(params, key, param);
  if (value === undefined) return undefined;
  if (!/^[a-zA-Z]{3}$/.test(value)) throw invalidParam(param, `Invalid currency: ${value}`);
  return value.toLowerCase();
}

export function reqCurrency(params: Params, key: string, param = key): string {
  const value = optCurrency(params, key, param);
  if (value === undefined) throw missingParam(param);
  return value;
}

/** `metadata[k]=v` pairs. Empty values unset keys; `metadata=` clears everything. */
export function optMetadata(
  params: Params,
  key = 'metadata',
  param = key,
): Record<string, string> | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (!isRecord(value)) throw invalidParam(param, `Invalid object: ${param}`);
  const out: Record<string, string> = {};
  const entries = Object.entries(value);
  if (entries.length > 50) {
    throw invalidParam(param, 'Metadata can have at most 50 keys.');
  }
  for (const [k, v] of entries) {
    if (typeof v !== 'string')
      throw invalidParam(`${param}[${k}]`, `Invalid string: ${param}[${k}]`);
    if (k.length > 40) {
      throw invalidParam(`${param}[${k}]`, 'Metadata keys can be at most 40 characters long.');
    }
    if (v.length > 500) {
      throw invalidParam(`${param}[${k}]`, 'Metadata values can be at most 500 characters long.');
    }
    if (v !== '') out[k] = v;
  }
  return out;
}

/** Arrays arrive from qs as arrays, or as objects with numeric keys past qs' arrayLimit. */
export function optArray(params: Params, key: string, param = key): unknown[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return [];
  if (Array.isArray(value)) return value as unknown[];
  if (isRecord(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k]);
  }
  if (typeof value === 'string') return [value];
  throw invalidParam(param, `Invalid array: ${param}`);
}

export function optObject(params: Params, key: string, param = key): Params | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (!isRecord(value)) throw invalidParam(param, `Invalid object: ${param}`);
  return value;
}
