// Every procedure declares what it answers with `.output(schema)` (schemas in ./outputs),
// so the wire contract is explicit and a field a use case starts returning does not reach
// callers unannounced. Procedures are discovered from the router, so a new one is covered.
import { describe, expect, it } from 'vitest';
import { initTRPC, type AnyRouter } from '@trpc/server';
import { z } from 'zod';
import { appRouter } from './root';

function proceduresWithoutOutput(router: AnyRouter): string[] {
  // tRPC 11 keeps the `.output()` parser on each procedure's `_def.output`.
  const record = router._def.procedures as Record<string, { _def: { output?: unknown } }>;
  return Object.entries(record)
    .filter(([, procedure]) => procedure._def.output === undefined)
    .map(([path]) => path);
}

describe('procedure outputs', () => {
  it('every procedure of the app router declares an output schema', () => {
    expect(Object.keys(appRouter._def.procedures).length).toBeGreaterThan(90);
    expect(proceduresWithoutOutput(appRouter)).toEqual([]);
  });

  it('names a procedure that has none', () => {
    const t = initTRPC.create();
    const router = t.router({
      typed: t.procedure.output(z.number()).query(() => 1),
      nested: t.router({ bare: t.procedure.query(() => 1) }),
    });
    expect(proceduresWithoutOutput(router)).toEqual(['nested.bare']);
  });
});
