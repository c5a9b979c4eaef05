import { PaymentGatewayError, type PaymentGateway } from '@souk/payments';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { resolveGateway } from '../payments/resolve-gateway';

/**
 * A refusal from the processor (an account that cannot receive transfers, a
 * payment already captured) is something the person can act on: say so, rather
 * than answering "something went wrong". Network failures stay internal errors.
 */
function explainingRefusals(gateway: PaymentGateway): PaymentGateway {
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (error instanceof PaymentGatewayError) {
            throw new AppError('CONFLICT', `The payment processor refused this: ${error.message}`, {
              processorCode: error.code,
              processorParam: error.param,
            });
          }
          throw error;
        });
      };
    },
  });
}

/** Tests hand in a gateway bound to their sandbox; otherwise the org's processor account. */
export async function gatewayFor(
  ctx: TenantContext,
  gateway?: PaymentGateway,
): Promise<PaymentGateway> {
  return explainingRefusals(gateway ?? (await resolveGateway(ctx.tx, ctx.orgId)));
}

export function actorOrThrow(ctx: TenantContext) {
  if (!ctx.actor) throw new Error('this use case needs a signed-in actor');
  return ctx.actor;
}
