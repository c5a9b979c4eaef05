/**
 * Where to send someone after sign-in, from a `callbackUrl` anyone can put in a link.
 * Prefix checks miss what browsers treat as another host (`/\evil.test`, `/\t/evil.test`,
 * `/.//evil.test` after normalisation), so the value is parsed the way the browser will
 * and kept only when the origin is ours. The result is a path, re-serialised from the
 * parse, so what we push is exactly what was checked.
 */
export function safeCallbackPath(value: unknown, appOrigin: string, fallback = '/'): string {
  if (typeof value !== 'string' || value === '') return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path starting with two slashes (or a backslash) is read as another host when pushed.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
