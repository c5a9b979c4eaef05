/**
 * Response security headers. Pages get a per-request nonce policy from proxy.ts;
 * /api/trpc and /api/uploads (outside the proxy) get the API policy from their route
 * handlers (api-headers.ts). The static ones (nosniff, Referrer-Policy,
 * X-Frame-Options) come from next.config.ts for every path.
 */

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  isDev: boolean;
  /**
   * A Stripe publishable key is configured: booking payments load Stripe.js and its
   * Payment Element, so allow Stripe's documented origins (docs.stripe.com/security/guide,
   * "Content Security Policy"). Without it the policy stays as strict as before.
   */
  stripeJs?: boolean;
}

/** What Stripe.js and the Payment Element (its iframes, 3-D Secure) need, by directive. */
export const STRIPE_JS_SOURCES = {
  // With 'strict-dynamic' a CSP3 browser lets the nonced bundle's loadStripe() add the
  // script anyway; the host is for browsers without 'strict-dynamic'.
  'script-src': ['https://js.stripe.com'],
  'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
  // Already inside `https:`, listed so the policy keeps working if that is narrowed.
  'connect-src': ['https://api.stripe.com'],
} as const;

export function pageContentSecurityPolicy({
  nonce,
  isDev,
  stripeJs = false,
}: PagePolicyOptions): string {
  const stripe = (directive: keyof typeof STRIPE_JS_SOURCES) =>
    stripeJs ? ` ${STRIPE_JS_SOURCES[directive].join(' ')}` : '';
  return [
    "default-src 'self'",
    // Next puts the nonce on its own scripts (it reads it from the request's CSP);
    // 'strict-dynamic' lets those load the route chunks they create.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}${stripe('script-src')}`,
    // Components use style="" attributes, which a nonce cannot allow; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // Presigned upload PUTs go to the bucket's own origin (S3/R2), configured outside the app.
    `connect-src 'self' https:${stripe('connect-src')}`,
    // Without Stripe.js, frames fall back to default-src 'self'; keep that beside Stripe's.
    ...(stripeJs ? [`frame-src 'self'${stripe('frame-src')}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    // Checkout leaves for the hosted pay page by a script navigation after the server
    // action answers, not by a form post, so form-action can stay on our own origin.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * JSON and uploaded files: nothing in them may run, load or be framed (an uploaded
 * SVG or HTML file opened from our origin runs no script). No `sandbox`: Chromium then
 * refuses to show an inline PDF, and uploads are served inline.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only means something over https (browsers ignore it on http), and sent on a
 * plain-http deployment it would lock people out of it, so only when we are on https.
 */
export function isHttpsRequest(opts: {
  requestUrl: string;
  forwardedProto: string | null;
  publicUrl: string | undefined;
}): boolean {
  if (opts.publicUrl?.startsWith('https:')) return true;
  if (opts.forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https') return true;
  return opts.requestUrl.startsWith('https:');
}
