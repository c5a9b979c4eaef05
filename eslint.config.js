// Flat config: type-aware TypeScript rules plus the import boundaries from
// ARCHITECTURE.md (apps -> api -> core -> db; core framework-free; nothing imports apps).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noApps = {
  group: ['@souk/web', '@souk/web/*', '@souk/worker', '@souk/worker/*', '**/apps/**'],
  message: 'Nothing imports from apps/: move shared code into a package.',
};

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
      'no-restricted-imports': ['error', { patterns: [noApps] }],
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noApps,
            {
              group: [
                '@trpc/*',
                'next',
                'next/*',
                'next-auth',
                'next-auth/*',
                'react',
                'react-dom',
                'react/*',
                '@souk/api',
                '@souk/api/*',
                '@souk/auth',
                '@souk/auth/*',
              ],
              message: 'core is framework-free: no tRPC, Next, React or upper layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noApps,
            {
              group: ['@souk/*'],
              message: 'db is the bottom layer: it imports no other @souk package.',
            },
          ],
        },
      ],
    },
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
