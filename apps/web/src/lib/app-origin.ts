import { webEnv } from '@/env';

/**
 * The app's public origin (NEXTAUTH_URL, which `pnpm start` always sets). Only when it
 * is not configured (a bare `next dev`) does the request's own URL stand in.
 */
export function appOrigin(requestUrl: string): string {
  if (webEnv.NEXTAUTH_URL) return new URL(webEnv.NEXTAUTH_URL).origin;
  try {
    return new URL(requestUrl).origin;
  } catch {
    // A Host header that is not a host: an origin nothing real matches.
    return 'http://localhost';
  }
}
