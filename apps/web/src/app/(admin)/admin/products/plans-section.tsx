'use client';

import { useFormContext } from 'react-hook-form';
import { emptyPlan, type ProductDraft } from './product-draft';
import {
  CheckboxField,
  ListSection,
  RowActions,
  SelectField,
  TextField,
  type ListRow,
} from './product-form-parts';

const CYCLES = [
  ['one_time', 'One time'],
  ['monthly', 'Monthly'],
  ['quarterly', 'Quarterly'],
  ['annual', 'Annual'],
] as const;

export function PlansSection() {
  const { setValue } = useFormContext<ProductDraft>();
  // One default at most: checking a plan unchecks the others.
  const makeDefault = ({ index, count }: ListRow) => {
    for (let j = 0; j < count; j += 1) {
      if (j !== index) setValue(`subscriptionPlans.${j}.isDefault`, false);
    }
  };
  return (
    <ListSection
      name="subscriptionPlans"
      title="Subscription plans"
      addLabel="Add plan"
      emptyText="No plans: the product is sold once at its configured price."
      newItem={emptyPlan}
    >
      {(row) => {
        const p = `subscriptionPlans.${row.index}` as const;
        const n = row.index + 1;
        return (
          <div
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
              onChecked={(checked) => checked && makeDefault(row)}
            />
            <RowActions what={`plan ${n}`} {...row} />
          </div>
        );
      }}
    </ListSection>
  );
}
