'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { emptyPlan, type ProductDraft } from './product-draft';
import { CheckboxField, RowActions, Section, SelectField, TextField } from './product-form-parts';

const CYCLES = [
  ['one_time', 'One time'],
  ['monthly', 'Monthly'],
  ['quarterly', 'Quarterly'],
  ['annual', 'Annual'],
] as const;

export function PlansSection() {
  const { control, setValue } = useFormContext<ProductDraft>();
  const plans = useFieldArray({ control, name: 'subscriptionPlans' });
  // One default at most: checking a plan unchecks the others.
  const makeDefault = (index: number) =>
    plans.fields.forEach((_, j) => {
      if (j !== index) setValue(`subscriptionPlans.${j}.isDefault`, false);
    });
  return (
    <Section
      title="Subscription plans"
      addLabel="Add plan"
      onAdd={() => plans.append(emptyPlan())}
      listName="subscriptionPlans"
    >
      {plans.fields.length === 0 ? (
        <p className="muted">No plans: the product is sold once at its configured price.</p>
      ) : null}
      {plans.fields.map((plan, i) => {
        const p = `subscriptionPlans.${i}` as const;
        const n = i + 1;
        return (
          <div
            key={plan.id}
            className="panel form-grid"
            role="group"
            aria-label={`Plan ${n}`}
            style={{ alignItems: 'end' }}
          >
            <TextField name={`${p}.label`} label={`Plan ${n} label`} required />
            <SelectField
              name={`${p}.billingCycle`}
              label={`Plan ${n} billing cycle`}
              options={CYCLES}
            />
            <TextField
              name={`${p}.multiplierPercent`}
              label={`Plan ${n} price %`}
              hint="Percent of the configured price, e.g. 90"
              inputMode="decimal"
            />
            <TextField name={`${p}.delta`} label={`Plan ${n} price change`} inputMode="decimal" />
            <CheckboxField
              name={`${p}.isDefault`}
              label={`Plan ${n} is the default`}
              onChecked={(checked) => checked && makeDefault(i)}
            />
            <RowActions
              what={`plan ${n}`}
              index={i}
              count={plans.fields.length}
              onMove={(to) => plans.move(i, to)}
              onRemove={() => plans.remove(i)}
            />
          </div>
        );
      })}
    </Section>
  );
}
