// Test-only: what a tRPC call ended with, for tests that assert refusals.
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** The call's tRPC error code, or 'OK' when it succeeded. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

/** The TRPCError the call must fail with. */
export async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
