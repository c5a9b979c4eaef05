'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { calculatePrice, emptySelection, type PriceSelection } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import type { RouterOutputs } from '@souk/api';
import type { CarriedSelection } from '@/lib/carried-selection';
import { splitFieldErrors } from '@/lib/form-errors';
import { startCheckoutAction } from './checkout-action';

type Product = RouterOutputs['catalog']['getProductBySlug'];

const CYCLE_LABEL: Record<string, string> = {
  one_time: 'one-time',
  monthly: 'billed monthly',
  quarterly: 'billed quarterly',
  annual: 'billed annually',
};

function signed(cents: number, currency: string): string {
  if (cents === 0) return 'included';
  return `${cents > 0 ? '+' : '−'}${formatMoney(Math.abs(cents), currency)}`;
}

function planNote(plan: Product['subscriptionPlans'][number], currency: string): string {
  const parts = [CYCLE_LABEL[plan.billingCycle] ?? plan.billingCycle];
  if (plan.priceMultiplierBps !== null && plan.priceMultiplierBps !== 10_000) {
    const pct = (10_000 - plan.priceMultiplierBps) / 100;
    parts.push(pct > 0 ? `${pct}% off` : `${-pct}% surcharge`);
  }
  if (plan.priceDeltaCents) parts.push(signed(plan.priceDeltaCents, currency));
  return parts.join(', ');
}

export function Configurator({
  product,
  initial,
}: {
  product: Product;
  /** The choices a guest made before signing in, checked against the product. */
  initial?: CarriedSelection;
}) {
  const [selection, setSelection] = useState<PriceSelection>(
    () => initial?.selection ?? emptySelection(product),
  );
  // State, not a prop read: the page re-renders without `sel` once it leaves the URL.
  const [quantity] = useState(initial?.quantity ?? 1);
  const [isRestored] = useState(initial !== undefined);
  const [touched, setTouched] = useState(false);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const quote = useMemo(() => calculatePrice(product, selection), [product, selection]);
  const issueFor = (field: string) =>
    (touched ? quote.issues.find((i) => i.field === field)?.message : undefined) ??
    serverErrors[field]?.[0];
  const money = (cents: number) => formatMoney(cents, product.currency);
  const shownFields = [
    ...product.optionGroups.map((g) => `options.${g.id}`),
    ...product.customFields.map((f) => `customFields.${f.id}`),
    'plan',
  ];
  // Issues beside their choices are counted, not repeated; any other is said in words.
  const clientSummary =
    touched && quote.issues.length > 0
      ? splitFieldErrors('', Object.fromEntries(quote.issues.map((i) => [i.field, [i.message]])), {
          shown: shownFields,
        }).summary
      : null;

  useEffect(() => {
    // The restored choices live in state now. Left in the address bar, the link would
    // bring them back on a reload after later changes, and carry the custom field
    // values into history and into any copy of the link.
    if (!isRestored) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('sel');
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }, [isRestored]);

  function update(change: (s: PriceSelection) => PriceSelection) {
    setSelection((s) => change(s));
    setServerErrors({});
  }

  function checkout() {
    setServerMessage(null);
    setServerErrors({});
    startTransition(async () => {
      // Succeeds by redirecting to the hosted pay page; only failures come back.
      const result = await startCheckoutAction({
        productSlug: product.slug,
        quantity,
        selection,
      });
      if (result.signIn) {
        router.push(result.signIn);
        return;
      }
      // What is shown beside a choice is not repeated in the alert.
      const { summary, fieldErrors } = splitFieldErrors(
        result.message ?? 'Checkout could not start. Please try again.',
        result.fieldErrors ?? {},
        { shown: shownFields },
      );
      setServerErrors(
        Object.fromEntries(Object.entries(fieldErrors).map(([field, text]) => [field, [text]])),
      );
      setServerMessage(summary);
    });
  }

  function toggle(list: string[], id: string, on: boolean): string[] {
    return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
  }

  return (
    <div className="configurator">
      <form
        aria-label="Configure product"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (quote.issues.length === 0 && !pending) checkout();
        }}
      >
        {product.optionGroups.map((group) => {
          const issue = issueFor(`options.${group.id}`);
          return (
            <fieldset key={group.id} aria-describedby={issue ? `issue-${group.id}` : undefined}>
              <legend>
                {group.name}
                {group.isRequired ? (
                  <span className="required" aria-label="required">
                    *
                  </span>
                ) : null}
              </legend>
              {group.description ? <p className="field-hint">{group.description}</p> : null}
              {group.options.map((option) => {
                const chosen = selection.options[group.id] ?? [];
                const id = `opt-${option.id}`;
                return (
                  <div key={option.id} className="choice">
                    <input
                      id={id}
                      type={group.selectionType === 'single' ? 'radio' : 'checkbox'}
                      name={`group-${group.id}`}
                      checked={chosen.includes(option.id)}
                      onChange={(e) =>
                        update((s) => ({
                          ...s,
                          options: {
                            ...s.options,
                            [group.id]:
                              group.selectionType === 'single'
                                ? [option.id]
                                : toggle(chosen, option.id, e.target.checked),
                          },
                        }))
                      }
                    />
                    <label htmlFor={id}>
                      {option.label} ({signed(option.priceDeltaCents, product.currency)})
                    </label>
                  </div>
                );
              })}
              {issue ? (
                <p id={`issue-${group.id}`} className="field-error" role="alert">
                  {issue}
                </p>
              ) : null}
            </fieldset>
          );
        })}

        {product.addOns.length > 0 ? (
          <fieldset>
            <legend>Add-ons</legend>
            {product.addOns.map((addOn) => {
              const id = `addon-${addOn.id}`;
              return (
                <div key={addOn.id} className="choice">
                  <input
                    id={id}
                    type="checkbox"
                    checked={selection.addOnIds.includes(addOn.id)}
                    onChange={(e) =>
                      update((s) => ({
                        ...s,
                        addOnIds: toggle(s.addOnIds, addOn.id, e.target.checked),
                      }))
                    }
                  />
                  <label htmlFor={id}>
                    {addOn.label} ({signed(addOn.priceDeltaCents, product.currency)})
                  </label>
                </div>
              );
            })}
          </fieldset>
        ) : null}

        {product.customFields.length > 0 ? (
          <fieldset>
            <legend>Details</legend>
            {product.customFields.map((field) => {
              const id = `field-${field.id}`;
              const issue = issueFor(`customFields.${field.id}`);
              return (
                <div
                  key={field.id}
                  className="field"
                  data-invalid={issue ? 'true' : undefined}
                  style={{ marginBottom: '0.6rem' }}
                >
                  <label htmlFor={id}>
                    {field.label}
                    {field.isRequired ? (
                      <span className="required" aria-label="required">
                        *
                      </span>
                    ) : null}
                  </label>
                  <input
                    id={id}
                    type={
                      field.fieldType === 'number'
                        ? 'number'
                        : field.fieldType === 'url'
                          ? 'url'
                          : 'text'
                    }
                    placeholder={field.placeholder ?? undefined}
                    maxLength={field.maxLength ?? undefined}
                    min={field.minValue ?? undefined}
                    max={field.maxValue ?? undefined}
                    aria-invalid={issue ? true : undefined}
                    aria-describedby={issue ? `${id}-error` : undefined}
                    value={selection.customFields[field.id] ?? ''}
                    onChange={(e) =>
                      update((s) => ({
                        ...s,
                        customFields: { ...s.customFields, [field.id]: e.target.value },
                      }))
                    }
                    onBlur={() => setTouched(true)}
                  />
                  {field.helpText ? <span className="field-hint">{field.helpText}</span> : null}
                  {issue ? (
                    <span id={`${id}-error`} className="field-error">
                      {issue}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : null}

        {product.subscriptionPlans.length > 0 ? (
          <fieldset>
            <legend>Plan</legend>
            {product.subscriptionPlans.map((plan) => {
              const id = `plan-${plan.id}`;
              return (
                <div key={plan.id} className="choice">
                  <input
                    id={id}
                    type="radio"
                    name="plan"
                    checked={selection.planId === plan.id}
                    onChange={() => update((s) => ({ ...s, planId: plan.id }))}
                  />
                  <label htmlFor={id}>
                    {plan.label} ({planNote(plan, product.currency)})
                  </label>
                </div>
              );
            })}
            {issueFor('plan') ? <p className="field-error">{issueFor('plan')}</p> : null}
          </fieldset>
        ) : null}

        {pending ? (
          <div className="notice" role="status">
            Redirecting to secure checkout…
          </div>
        ) : null}
        {serverMessage && !pending ? (
          <div className="notice notice-error" role="alert">
            {serverMessage}
          </div>
        ) : null}
        {clientSummary ? (
          <div className="notice notice-error" role="alert">
            {clientSummary}
          </div>
        ) : null}
        <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
          Checkout
        </button>
      </form>

      <aside className="card summary" aria-label="Price summary">
        <h3>Your price</h3>
        <table>
          <tbody>
            {quote.lines.map((line, i) => (
              <tr key={`${line.kind}-${i}`}>
                <td>{line.label}</td>
                <td className="num">
                  {line.kind === 'base'
                    ? money(line.amountCents)
                    : signed(line.amountCents, product.currency)}
                </td>
              </tr>
            ))}
            <tr className="total">
              <td>Total</td>
              <td className="num" data-testid="total">
                {money(quote.totalCents)}
              </td>
            </tr>
          </tbody>
        </table>
      </aside>
    </div>
  );
}
