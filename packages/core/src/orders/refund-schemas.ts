import { z } from 'zod';
import { cents, text, uuidId } from '../validation';

const reason = text({
  min: 1,
  minMessage: 'Give a reason for the refund',
  max: 500,
  maxMessage: 'Reason is at most 500 characters',
  label: 'Reason',
});

export const refundOrderPaymentInput = z.object({
  orderId: uuidId('Unknown order'),
  amountCents: cents({ label: 'Refund amount', min: 1 }),
  reason,
  // Made when the refund form opens, so a double click or a retry refunds once.
  idempotencyKey: uuidId('Reload the page and try the refund again'),
});
export type RefundOrderPaymentInput = z.infer<typeof refundOrderPaymentInput>;

/** The refund form as people fill it in: the amount is typed money, parsed with parseMoney. */
export const refundFormInput = z.object({
  amount: text({ min: 1, minMessage: 'Enter the amount to refund', max: 32, label: 'Amount' }),
  reason,
});
export type RefundFormInput = z.infer<typeof refundFormInput>;

export const orderRefundsInput = z.object({ orderId: uuidId('Unknown order') });
