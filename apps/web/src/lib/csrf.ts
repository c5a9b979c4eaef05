/**
 * Cross-site request forgery guard for state-changing API requests. A form on another
 * origin (another port on the same host is the same *site*, so SameSite cookies ride
 * along) can POST multipart/form-data or text/plain without a preflight; it cannot
 * send application/json without one, and browsers always say where a POST came from.
 */

export type CsrfVerdict = { ok: true } | { ok: false; message: string };

export interface CsrfRequest {
  method: string;
  contentType: string | null;
  origin: string | null;
  secFetchSite: string | null;
  /** The app's public origin (NEXTAUTH_URL), never derived from the request itself. */
  appOrigin: string;
  /**
   * `Authorization: Bearer …` and no Cookie header: an API client (spec 004 tokens). It
   * carries no ambient credential a forged request could ride on, and a browser cannot
   * add that header cross-site without a preflight we never grant.
   */
  bearerWithoutCookies?: boolean;
  /**
   * A route our own HTML form posts to (the portal's sign-in button): form encodings are
   * expected, so only where the request came from is checked.
   */
  ownFormPost?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Same origin, where the loopback names count as one host: `pnpm start` prints
 * localhost, and a person who types 127.0.0.1 instead is still on their own machine.
 */
function sameOrigin(given: string, expected: string): boolean {
  if (given === expected) return true;
  try {
    const a = new URL(given);
    const b = new URL(expected);
    return (
      a.protocol === b.protocol &&
      a.port === b.port &&
      LOOPBACK.has(a.hostname) &&
      LOOPBACK.has(b.hostname)
    );
  } catch {
    return false;
  }
}

export function checkCsrf(req: CsrfRequest): CsrfVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.bearerWithoutCookies) return { ok: true };

  const mediaType = req.contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json' && !req.ownFormPost) {
    return { ok: false, message: 'Requests that change data must be sent as application/json.' };
  }

  const expected = originOf(req.appOrigin);
  if (req.origin !== null) {
    // "null" (sandboxed frames, some redirects) never parses to our origin.
    const given = originOf(req.origin);
    if (expected !== null && given !== null && sameOrigin(given, expected)) return { ok: true };
    return { ok: false, message: 'This request came from another site and was refused.' };
  }
  if (req.secFetchSite?.toLowerCase() === 'same-origin') return { ok: true };
  return {
    ok: false,
    message: 'This request does not say which site sent it (no Origin header), so it was refused.',
  };
}
