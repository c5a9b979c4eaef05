import 'server-only';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';

/**
 * A page's procedure call, with a missing record shown as the 404 page. Another org's
 * record answers exactly like a missing one, and so does an id the procedure refuses.
 */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
}
