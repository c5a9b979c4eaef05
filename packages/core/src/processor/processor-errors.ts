import { PaymentGatewayError } from '@souk/payments';
import { AppError } from '../errors';

/**
 * The one place a processor failure gets its meaning. A refusal (a declined card, an
 * account that cannot receive transfers, an amount it does not take) is something the
 * person can act on: a CONFLICT that says so. Anything else (network, the processor's
 * own outage) stays what it was, an internal error.
 */
export function explainProcessorError(error: unknown): unknown {
  if (error instanceof PaymentGatewayError) {
    return new AppError('CONFLICT', `The payment processor refused this: ${error.message}`, {
      processorCode: error.code,
      processorParam: error.param,
    });
  }
  return error;
}
