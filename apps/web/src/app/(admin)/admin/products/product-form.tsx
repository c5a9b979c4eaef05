'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Field, fieldControlProps } from '@souk/ui';
import type { AppRouter } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import {
  draftToInput,
  emptyAddOn,
  emptyField,
  emptyGroup,
  emptyOption,
  emptyPlan,
  move,
  slugify,
  type FieldErrors,
  type ProductDraft,
} from './product-draft';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] as const;
const fid = (path: string) => `f-${path.replace(/\./g, '-')}`;

function serverFieldErrors(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as
      { fieldErrors?: Record<string, string[]> | null } | undefined;
    const fields: FieldErrors = {};
    for (const [path, messages] of Object.entries(data?.fieldErrors ?? {}))
      fields[path] = messages[0] ?? 'Invalid';
    return { message: error.message, fields };
  }
  return { message: 'Something went wrong. Please try again.', fields: {} };
}

function RowActions({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <span className="inline-actions">
      <button
        type="button"
        className="button-small"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={`Move ${what} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="button-small"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={`Move ${what} down`}
      >
        ↓
      </button>
      <button type="button" className="button-small button-danger" onClick={onRemove}>
        Remove {what}
      </button>
    </span>
  );
}

function Section({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section aria-label={title} style={{ marginTop: '1.5rem' }}>
      <div className="page-head" style={{ marginBottom: '0.5rem' }}>
        <h2 style={{ margin: 0, flex: 1 }}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function ProductForm({
  productId,
  initial,
  canWrite,
}: {
  productId: string | null;
  initial: ProductDraft;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState<ProductDraft>(initial);
  const [slugTouched, setSlugTouched] = useState(productId !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const onError = (error: unknown) => {
    const { message, fields } = serverFieldErrors(error);
    setErrors(fields);
    setSummary(message);
    setSaved(null);
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
    router.refresh();
  };
  const create = useMutation(
    trpc.catalog.create.mutationOptions({
      onError,
      onSuccess: async (product) => {
        await refresh();
        router.push(`/admin/products/${product.id}?created=1`);
      },
    }),
  );
  const update = useMutation(
    trpc.catalog.update.mutationOptions({
      onError,
      onSuccess: async () => {
        setErrors({});
        setSummary(null);
        setSaved('Changes saved.');
        await refresh();
      },
    }),
  );
  const archive = useMutation(
    trpc.catalog.archive.mutationOptions({
      onError,
      onSuccess: async () => {
        setDraft((d) => ({ ...d, status: 'archived' }));
        setSaved('Product archived.');
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.catalog.delete.mutationOptions({
      onError,
      onSuccess: async () => {
        await refresh();
        router.push('/admin/products?deleted=1');
      },
    }),
  );
  const pending = create.isPending || update.isPending || archive.isPending || remove.isPending;

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => errors[path] ?? null;
  const ctl = (path: string) => fieldControlProps(fid(path), err(path));

  function submit() {
    setSaved(null);
    const { input, errors: clientErrors } = draftToInput(draft);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      setSummary('Please fix the highlighted fields.');
      return;
    }
    if (productId) update.mutate({ id: productId, ...input });
    else create.mutate(input);
  }

  const groups = draft.optionGroups;
  const setGroups = (next: ProductDraft['optionGroups']) => set('optionGroups', next);

  return (
    <form
      aria-label={productId ? 'Edit product' : 'New product'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {summary ? (
        <div className="notice notice-error" role="alert">
          <strong>{summary}</strong>
          {Object.keys(errors).length > 0 ? (
            <ul>
              {Object.entries(errors).map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fid(path)}`}>{path}</a>: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {saved ? (
        <div className="notice notice-success" role="status">
          {saved}
        </div>
      ) : null}
      {!canWrite ? (
        <div className="notice" style={{ background: '#eef1f5' }} role="note">
          You can view this product but your role cannot change it.
        </div>
      ) : null}

      <fieldset disabled={!canWrite || pending} style={{ border: 'none', padding: 0, margin: 0 }}>
        <div className="card">
          <div className="form-grid">
            <Field id={fid('name')} label="Name" error={err('name')} required>
              <input
                {...ctl('name')}
                value={draft.name}
                onChange={(e) => {
                  const name = e.target.value;
                  setDraft((d) => ({ ...d, name, slug: slugTouched ? d.slug : slugify(name) }));
                }}
              />
            </Field>
            <Field
              id={fid('slug')}
              label="Slug"
              error={err('slug')}
              hint="Used in the product's web address"
              required
            >
              <input
                {...ctl('slug')}
                value={draft.slug}
                onChange={(e) => {
                  setSlugTouched(true);
                  set('slug', e.target.value);
                }}
              />
            </Field>
            <Field
              id={fid('basePriceCents')}
              label="Base price"
              error={err('basePriceCents')}
              hint="e.g. 49.00"
              required
            >
              <input
                {...ctl('basePriceCents')}
                inputMode="decimal"
                value={draft.basePrice}
                onChange={(e) => set('basePrice', e.target.value)}
              />
            </Field>
            <Field id={fid('currency')} label="Currency" error={err('currency')}>
              <select
                {...ctl('currency')}
                value={draft.currency}
                onChange={(e) => set('currency', e.target.value as ProductDraft['currency'])}
              >
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </Field>
            <Field id={fid('status')} label="Status" error={err('status')}>
              <select
                {...ctl('status')}
                value={draft.status}
                onChange={(e) => set('status', e.target.value as ProductDraft['status'])}
              >
                <option value="draft">Draft</option>
                <option value="active">Active</option>
                <option value="archived">Archived</option>
              </select>
            </Field>
            <Field id={fid('imageUrl')} label="Image URL" error={err('imageUrl')}>
              <input
                {...ctl('imageUrl')}
                type="url"
                value={draft.imageUrl}
                onChange={(e) => set('imageUrl', e.target.value)}
              />
            </Field>
          </div>
          <div style={{ marginTop: '0.75rem' }}>
            <Field id={fid('description')} label="Description" error={err('description')}>
              <textarea
                {...ctl('description')}
                value={draft.description}
                onChange={(e) => set('description', e.target.value)}
              />
            </Field>
          </div>
        </div>

        <Section
          title="Option groups"
          action={
            <button type="button" onClick={() => setGroups([...groups, emptyGroup()])}>
              Add option group
            </button>
          }
        >
          {groups.length === 0 ? <p className="muted">No option groups.</p> : null}
          {groups.map((g, gi) => {
            const gp = `configuration.optionGroups.${gi}`;
            const n = gi + 1;
            const setGroup = (patch: Partial<typeof g>) =>
              setGroups(groups.map((x, i) => (i === gi ? { ...x, ...patch } : x)));
            return (
              <div key={g.key} className="panel" role="group" aria-label={`Option group ${n}`}>
                <div className="page-head" style={{ marginBottom: '0.5rem' }}>
                  <h3 style={{ flex: 1 }}>Option group {n}</h3>
                  <RowActions
                    what={`group ${n}`}
                    index={gi}
                    count={groups.length}
                    onMove={(delta) => setGroups(move(groups, gi, delta))}
                    onRemove={() => setGroups(groups.filter((_, i) => i !== gi))}
                  />
                </div>
                <div className="form-grid">
                  <Field
                    id={fid(`${gp}.name`)}
                    label={`Group ${n} name`}
                    error={err(`${gp}.name`)}
                    required
                  >
                    <input
                      {...ctl(`${gp}.name`)}
                      value={g.name}
                      onChange={(e) => setGroup({ name: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={fid(`${gp}.selectionType`)}
                    label={`Group ${n} selection`}
                    error={err(`${gp}.selectionType`)}
                  >
                    <select
                      {...ctl(`${gp}.selectionType`)}
                      value={g.selectionType}
                      onChange={(e) =>
                        setGroup({ selectionType: e.target.value as 'single' | 'multiple' })
                      }
                    >
                      <option value="single">Single choice</option>
                      <option value="multiple">Multiple choice</option>
                    </select>
                  </Field>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={g.isRequired}
                      onChange={(e) => setGroup({ isRequired: e.target.checked })}
                    />
                    Group {n} required
                  </label>
                </div>
                {err(`${gp}.options`) ? (
                  <p className="field-error">{err(`${gp}.options`)}</p>
                ) : null}
                {g.options.map((o, oi) => {
                  const op = `${gp}.options.${oi}`;
                  const m = oi + 1;
                  const setOption = (patch: Partial<typeof o>) =>
                    setGroup({
                      options: g.options.map((x, i) => (i === oi ? { ...x, ...patch } : x)),
                    });
                  return (
                    <div
                      key={o.key}
                      className="form-grid"
                      style={{ marginTop: '0.5rem', alignItems: 'end' }}
                    >
                      <Field
                        id={fid(`${op}.label`)}
                        label={`Group ${n} option ${m} label`}
                        error={err(`${op}.label`)}
                        required
                      >
                        <input
                          {...ctl(`${op}.label`)}
                          value={o.label}
                          onChange={(e) => setOption({ label: e.target.value })}
                        />
                      </Field>
                      <Field
                        id={fid(`${op}.priceDeltaCents`)}
                        label={`Group ${n} option ${m} price change`}
                        error={err(`${op}.priceDeltaCents`)}
                      >
                        <input
                          {...ctl(`${op}.priceDeltaCents`)}
                          inputMode="decimal"
                          value={o.price}
                          onChange={(e) => setOption({ price: e.target.value })}
                        />
                      </Field>
                      <RowActions
                        what={`group ${n} option ${m}`}
                        index={oi}
                        count={g.options.length}
                        onMove={(delta) => setGroup({ options: move(g.options, oi, delta) })}
                        onRemove={() => setGroup({ options: g.options.filter((_, i) => i !== oi) })}
                      />
                    </div>
                  );
                })}
                <button
                  type="button"
                  className="button-small"
                  style={{ marginTop: '0.5rem' }}
                  onClick={() => setGroup({ options: [...g.options, emptyOption()] })}
                >
                  Add option to group {n}
                </button>
              </div>
            );
          })}
        </Section>

        <Section
          title="Add-ons"
          action={
            <button type="button" onClick={() => set('addOns', [...draft.addOns, emptyAddOn()])}>
              Add add-on
            </button>
          }
        >
          {draft.addOns.length === 0 ? <p className="muted">No add-ons.</p> : null}
          {draft.addOns.map((a, i) => {
            const p = `configuration.addOns.${i}`;
            const n = i + 1;
            const setAddOn = (patch: Partial<typeof a>) =>
              set(
                'addOns',
                draft.addOns.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              );
            return (
              <div
                key={a.key}
                className="panel form-grid"
                role="group"
                aria-label={`Add-on ${n}`}
                style={{ alignItems: 'end' }}
              >
                <Field
                  id={fid(`${p}.label`)}
                  label={`Add-on ${n} label`}
                  error={err(`${p}.label`)}
                  required
                >
                  <input
                    {...ctl(`${p}.label`)}
                    value={a.label}
                    onChange={(e) => setAddOn({ label: e.target.value })}
                  />
                </Field>
                <Field
                  id={fid(`${p}.priceDeltaCents`)}
                  label={`Add-on ${n} price`}
                  error={err(`${p}.priceDeltaCents`)}
                >
                  <input
                    {...ctl(`${p}.priceDeltaCents`)}
                    inputMode="decimal"
                    value={a.price}
                    onChange={(e) => setAddOn({ price: e.target.value })}
                  />
                </Field>
                <RowActions
                  what={`add-on ${n}`}
                  index={i}
                  count={draft.addOns.length}
                  onMove={(delta) => set('addOns', move(draft.addOns, i, delta))}
                  onRemove={() =>
                    set(
                      'addOns',
                      draft.addOns.filter((_, j) => j !== i),
                    )
                  }
                />
              </div>
            );
          })}
        </Section>

        <Section
          title="Custom fields"
          action={
            <button
              type="button"
              onClick={() => set('customFields', [...draft.customFields, emptyField()])}
            >
              Add custom field
            </button>
          }
        >
          {draft.customFields.length === 0 ? <p className="muted">No custom fields.</p> : null}
          {draft.customFields.map((f, i) => {
            const p = `configuration.customFields.${i}`;
            const n = i + 1;
            const setField = (patch: Partial<typeof f>) =>
              set(
                'customFields',
                draft.customFields.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              );
            const numeric = f.fieldType === 'number';
            return (
              <div key={f.key} className="panel" role="group" aria-label={`Custom field ${n}`}>
                <div className="form-grid" style={{ alignItems: 'end' }}>
                  <Field
                    id={fid(`${p}.label`)}
                    label={`Field ${n} label`}
                    error={err(`${p}.label`)}
                    required
                  >
                    <input
                      {...ctl(`${p}.label`)}
                      value={f.label}
                      onChange={(e) => setField({ label: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={fid(`${p}.fieldType`)}
                    label={`Field ${n} type`}
                    error={err(`${p}.fieldType`)}
                  >
                    <select
                      {...ctl(`${p}.fieldType`)}
                      value={f.fieldType}
                      onChange={(e) =>
                        setField({ fieldType: e.target.value as typeof f.fieldType })
                      }
                    >
                      <option value="text">Text</option>
                      <option value="url">URL</option>
                      <option value="number">Number</option>
                    </select>
                  </Field>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={f.isRequired}
                      onChange={(e) => setField({ isRequired: e.target.checked })}
                    />
                    Field {n} required
                  </label>
                  <RowActions
                    what={`field ${n}`}
                    index={i}
                    count={draft.customFields.length}
                    onMove={(delta) => set('customFields', move(draft.customFields, i, delta))}
                    onRemove={() =>
                      set(
                        'customFields',
                        draft.customFields.filter((_, j) => j !== i),
                      )
                    }
                  />
                </div>
                <div className="form-grid" style={{ marginTop: '0.5rem' }}>
                  <Field
                    id={fid(`${p}.placeholder`)}
                    label={`Field ${n} placeholder`}
                    error={err(`${p}.placeholder`)}
                  >
                    <input
                      {...ctl(`${p}.placeholder`)}
                      value={f.placeholder}
                      onChange={(e) => setField({ placeholder: e.target.value })}
                    />
                  </Field>
                  {numeric ? (
                    <>
                      <Field
                        id={fid(`${p}.minValue`)}
                        label={`Field ${n} minimum`}
                        error={err(`${p}.minValue`)}
                      >
                        <input
                          {...ctl(`${p}.minValue`)}
                          inputMode="numeric"
                          value={f.minValue}
                          onChange={(e) => setField({ minValue: e.target.value })}
                        />
                      </Field>
                      <Field
                        id={fid(`${p}.maxValue`)}
                        label={`Field ${n} maximum`}
                        error={err(`${p}.maxValue`)}
                      >
                        <input
                          {...ctl(`${p}.maxValue`)}
                          inputMode="numeric"
                          value={f.maxValue}
                          onChange={(e) => setField({ maxValue: e.target.value })}
                        />
                      </Field>
                    </>
                  ) : (
                    <>
                      <Field
                        id={fid(`${p}.maxLength`)}
                        label={`Field ${n} max length`}
                        error={err(`${p}.maxLength`)}
                      >
                        <input
                          {...ctl(`${p}.maxLength`)}
                          inputMode="numeric"
                          value={f.maxLength}
                          onChange={(e) => setField({ maxLength: e.target.value })}
                        />
                      </Field>
                      <Field
                        id={fid(`${p}.pattern`)}
                        label={`Field ${n} pattern`}
                        error={err(`${p}.pattern`)}
                        hint="Regular expression the whole value must match"
                      >
                        <input
                          {...ctl(`${p}.pattern`)}
                          value={f.pattern}
                          onChange={(e) => setField({ pattern: e.target.value })}
                        />
                      </Field>
                    </>
                  )}
                </div>
              </div>
            );
          })}
        </Section>

        <Section
          title="Subscription plans"
          action={
            <button
              type="button"
              onClick={() => set('subscriptionPlans', [...draft.subscriptionPlans, emptyPlan()])}
            >
              Add plan
            </button>
          }
        >
          {draft.subscriptionPlans.length === 0 ? (
            <p className="muted">No plans: the product is sold once at its configured price.</p>
          ) : null}
          {draft.subscriptionPlans.map((s, i) => {
            const p = `configuration.subscriptionPlans.${i}`;
            const n = i + 1;
            const setPlan = (patch: Partial<typeof s>) =>
              set(
                'subscriptionPlans',
                draft.subscriptionPlans.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              );
            return (
              <div
                key={s.key}
                className="panel form-grid"
                role="group"
                aria-label={`Plan ${n}`}
                style={{ alignItems: 'end' }}
              >
                <Field
                  id={fid(`${p}.label`)}
                  label={`Plan ${n} label`}
                  error={err(`${p}.label`)}
                  required
                >
                  <input
                    {...ctl(`${p}.label`)}
                    value={s.label}
                    onChange={(e) => setPlan({ label: e.target.value })}
                  />
                </Field>
                <Field
                  id={fid(`${p}.billingCycle`)}
                  label={`Plan ${n} billing cycle`}
                  error={err(`${p}.billingCycle`)}
                >
                  <select
                    {...ctl(`${p}.billingCycle`)}
                    value={s.billingCycle}
                    onChange={(e) =>
                      setPlan({ billingCycle: e.target.value as typeof s.billingCycle })
                    }
                  >
                    <option value="one_time">One time</option>
                    <option value="monthly">Monthly</option>
                    <option value="quarterly">Quarterly</option>
                    <option value="annual">Annual</option>
                  </select>
                </Field>
                <Field
                  id={fid(`${p}.priceMultiplierBps`)}
                  label={`Plan ${n} price %`}
                  error={err(`${p}.priceMultiplierBps`)}
                  hint="Percent of the configured price, e.g. 90"
                >
                  <input
                    {...ctl(`${p}.priceMultiplierBps`)}
                    inputMode="decimal"
                    value={s.multiplierPercent}
                    onChange={(e) => setPlan({ multiplierPercent: e.target.value })}
                  />
                </Field>
                <Field
                  id={fid(`${p}.priceDeltaCents`)}
                  label={`Plan ${n} price change`}
                  error={err(`${p}.priceDeltaCents`)}
                >
                  <input
                    {...ctl(`${p}.priceDeltaCents`)}
                    inputMode="decimal"
                    value={s.delta}
                    onChange={(e) => setPlan({ delta: e.target.value })}
                  />
                </Field>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={s.isDefault}
                    onChange={(e) =>
                      set(
                        'subscriptionPlans',
                        draft.subscriptionPlans.map((x, j) => ({
                          ...x,
                          isDefault:
                            j === i ? e.target.checked : e.target.checked ? false : x.isDefault,
                        })),
                      )
                    }
                  />
                  Plan {n} is the default
                </label>
                <RowActions
                  what={`plan ${n}`}
                  index={i}
                  count={draft.subscriptionPlans.length}
                  onMove={(delta) =>
                    set('subscriptionPlans', move(draft.subscriptionPlans, i, delta))
                  }
                  onRemove={() =>
                    set(
                      'subscriptionPlans',
                      draft.subscriptionPlans.filter((_, j) => j !== i),
                    )
                  }
                />
              </div>
            );
          })}
        </Section>
      </fieldset>

      {canWrite ? (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={pending}>
            {productId ? 'Save changes' : 'Create product'}
          </button>
          {productId ? (
            <>
              <button
                type="button"
                disabled={pending || draft.status === 'archived'}
                onClick={() => {
                  if (window.confirm('Archive this product? It disappears from the storefront.'))
                    archive.mutate({ id: productId });
                }}
              >
                Archive
              </button>
              <button
                type="button"
                className="button-danger"
                disabled={pending}
                onClick={() => {
                  if (
                    window.confirm(
                      'Delete this product and its configuration? This cannot be undone.',
                    )
                  )
                    remove.mutate({ id: productId });
                }}
              >
                Delete
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
