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

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
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
