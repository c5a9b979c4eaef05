// Flat config: type-aware TypeScript rules plus the import boundaries from
// ARCHITECTURE.md (apps -> api -> auth -> core -> payments, db; core framework-free;
// ui, payments and db import no other @souk package; nothing imports apps).
import { readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `@souk/<name>` and anything under it, for import-restriction groups. */
const souk = (...names) => names.flatMap((name) => [`@souk/${name}`, `@souk/${name}/**`]);

const noApps = {
  group: [...souk('web', 'worker'), '**/apps/**'],
  message: 'Nothing imports from apps/: move shared code into a package.',
};

// A package's public surface is its package.json `exports`; the subpaths listed there
// are the only deep imports allowed (read here so the two lists cannot drift).
const exportedSubpaths = readdirSync(new URL('./packages/', import.meta.url)).flatMap((dir) => {
  const manifest = JSON.parse(
    readFileSync(new URL(`./packages/${dir}/package.json`, import.meta.url), 'utf8'),
  );
  return Object.keys(manifest.exports ?? {})
    .filter((subpath) => subpath !== '.')
    .map((subpath) => `!${manifest.name}/${subpath.slice(2)}`);
});
const noInternals = {
  group: ['@souk/*/**', ...exportedSubpaths, '**/packages/*/src/**'],
  message:
    'Import another package through its entry point or a subpath in its package.json `exports`, not its files.',
};

/** The import rule for a package: the common boundaries plus what this layer must not import. */
const boundaries = (group, message, ...more) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [noApps, noInternals, ...(group ? [{ group, message }] : []), ...more] },
  ],
});

const CORE_FRAMEWORK = [
  '@trpc/*',
  'next',
  'next/*',
  'next-auth',
  'next-auth/*',
  'react',
  'react-dom',
  'react/*',
  ...souk('api', 'auth', 'ui'),
];
const CORE_FRAMEWORK_MESSAGE = 'core is framework-free: no tRPC, Next, React or upper layers.';
/**
 * Folders inside core form layers, so no two folders import each other:
 * base (processor, audit, outbox, jobs, catalog, uploads, org) < checkout <
 * fulfillment, marketplace < payments (the event handlers settle all of them) <
 * export (the CSV exports read every admin list's filters).
 */
// Core folders at the top: they read across the domains below and nothing below reads them.
const TOP_LAYER = [
  'export',
  'dashboard',
  'search',
  'finance',
  'billing',
  'reconciliation',
  'portal',
  'admin-safety',
  'privacy',
];

const coreLayer = (folders, above) => ({
  files: folders.map((folder) => `packages/core/src/${folder}/**`),
  rules: boundaries(CORE_FRAMEWORK, CORE_FRAMEWORK_MESSAGE, {
    group: above.flatMap((folder) => [`../${folder}/**`, `../../${folder}/**`]),
    message: `core folders are layered (base < checkout < fulfillment, marketplace < payments < export, dashboard): ${folders.join(', ')} must not import ${above.join(', ')}.`,
  }),
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/coverage/**',
      '.data/**',
      'packages/db/src/generated/**',
      'prisma/migrations/**',
      '**/next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'prisma.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      ...boundaries(),
      // Configuration is read in one zod-validated env.ts per package.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the package env.ts (zod-validated).',
        },
      ],
      // The same rule for `import { env } from 'node:process'`, which the property rule cannot see.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: 'Read configuration through the package env.ts (zod-validated).',
        },
      ],
    },
  },
  {
    files: [
      '**/env.ts',
      '**/*.test.ts',
      '**/*.config.{ts,js,mjs}',
      '**/scripts/**',
      'bench/**',
      'e2e/**',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['packages/core/**'],
    rules: boundaries(CORE_FRAMEWORK, CORE_FRAMEWORK_MESSAGE),
  },
  coreLayer(
    ['processor', 'audit', 'outbox', 'jobs', 'catalog', 'uploads', 'org'],
    ['checkout', 'fulfillment', 'marketplace', 'customers', 'orders', 'payments', ...TOP_LAYER],
  ),
  coreLayer(
    ['checkout'],
    ['fulfillment', 'marketplace', 'customers', 'orders', 'payments', ...TOP_LAYER],
  ),
  // orders reads checkout's tables (invoices, sessions) to show and change one order.
  coreLayer(['orders'], ['marketplace', 'customers', 'payments', ...TOP_LAYER]),
  coreLayer(['fulfillment'], ['marketplace', 'customers', 'payments', ...TOP_LAYER]),
  coreLayer(['marketplace'], ['checkout', 'fulfillment', 'customers', 'payments', ...TOP_LAYER]),
  // customers reads checkout's and marketplace's tables to profile the people behind them.
  coreLayer(['customers'], ['payments', ...TOP_LAYER]),
  coreLayer(['payments'], TOP_LAYER),
  {
    files: ['packages/auth/**'],
    rules: boundaries(souk('api', 'ui'), 'auth sits below api: it imports no api or ui.'),
  },
  {
    files: ['packages/api/**'],
    rules: boundaries(souk('ui'), 'api serves the apps: it imports no ui.'),
  },
  {
    files: ['packages/stripe-sandbox/**'],
    rules: boundaries(
      souk('api', 'auth', 'core', 'db', 'ui', 'emails'),
      'The sandbox stands in for the processor: it imports only @souk/payments.',
    ),
  },
  {
    files: ['packages/db/**'],
    rules: boundaries(['@souk/*'], 'db is the bottom layer: it imports no other @souk package.'),
  },
  {
    files: ['packages/payments/**'],
    rules: boundaries(
      ['@souk/*'],
      'payments is the processor client: it imports no other @souk package.',
    ),
  },
  {
    files: ['packages/ui/**', 'packages/emails/**'],
    rules: boundaries(
      ['@souk/*'],
      'The UI kit and email templates take data as props: they import no other @souk package.',
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
);
