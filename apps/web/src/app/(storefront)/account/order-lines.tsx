import { formatMoney } from '@souk/core/money';
import type { RouterOutputs } from '@souk/api';
import { ListTable } from '@/components/list-table';

export type MyOrder = RouterOutputs['checkout']['getMyOrder'];
type Item = MyOrder['items'][number];

const PER_CYCLE: Record<NonNullable<NonNullable<Item['plan']>['billingCycle']>, string | null> = {
  one_time: null,
  monthly: 'month',
  quarterly: 'quarter',
  annual: 'year',
};

/** "$96.90 / month" for a plan that renews; the plain amount otherwise. */
export function priceWithCadence(item: Item, currency: string): string {
  const amount = formatMoney(item.unitPriceCents, currency);
  const per = item.plan?.billingCycle ? PER_CYCLE[item.plan.billingCycle] : null;
  return per ? `${amount} / ${per}` : amount;
}

function choicesOf(item: Item): string {
  const parts = item.choices.map((c) => c.label);
  if (item.plan) parts.push(`Plan: ${item.plan.label}`);
  return parts.join(' · ');
}

/** An order's items with what was chosen for each, then its totals. */
export function OrderLines({ order }: { order: MyOrder }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const totals = order.invoice ?? order.totals;
  const rows = [
    { id: 'subtotal', label: 'Subtotal', value: money(totals.subtotalCents) },
    { id: 'tax', label: 'Tax', value: money(totals.taxCents) },
    { id: 'total', label: 'Total', value: money(totals.totalCents) },
  ];
  if (order.invoice) {
    rows.push({ id: 'paid', label: 'Paid', value: money(order.invoice.amountPaidCents) });
    if (order.invoice.amountRefundedCents > 0) {
      rows.push({
        id: 'refunded',
        label: 'Refunded',
        value: money(order.invoice.amountRefundedCents),
      });
    }
  }
  return (
    <>
      <ListTable
        label={`Items in order #${order.number}`}
        rows={order.items}
        columns={[
          { header: 'Item', cell: (item) => item.productName },
          { header: 'Your choices', cell: (item) => choicesOf(item) || '—' },
          { header: 'Quantity', className: 'num', cell: (item) => item.quantity },
          {
            header: 'Price',
            className: 'num',
            cell: (item) => priceWithCadence(item, order.currency),
          },
          { header: 'Amount', className: 'num', cell: (item) => money(item.totalCents) },
        ]}
      />
      <ListTable
        label={`Totals of order #${order.number}`}
        rows={rows}
        columns={[
          { header: 'Line', cell: (row) => row.label },
          { header: 'Amount', className: 'num', cell: (row) => row.value },
        ]}
      />
    </>
  );
}
