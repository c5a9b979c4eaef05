import type { Actor } from '../context';

// Processor access moved to the org scope (`scope.gateway()`, see processor/); only
// this helper is left here because several marketplace files import it from this path.
export function actorOrThrow(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new Error('this use case needs a signed-in actor');
  return ctx.actor;
}
