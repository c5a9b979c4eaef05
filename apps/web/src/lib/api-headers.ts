import { webEnv } from '@/env';
import {
  API_CONTENT_SECURITY_POLICY,
  isHttpsRequest,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers';

/**
 * Headers for the routes proxy.ts leaves out (api/trpc, api/uploads): the request id,
 * a CSP under which nothing in a JSON body or an uploaded file can run, and HSTS on https.
 */
export function apiResponseHeaders(req: Request, requestId: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
  };
  const https = isHttpsRequest({
    requestUrl: req.url,
    forwardedProto: req.headers.get('x-forwarded-proto'),
    publicUrl: webEnv.NEXTAUTH_URL,
  });
  if (https) headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
