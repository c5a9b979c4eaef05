'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { createBookingInput } from '@souk/core/client';
import { parseMoney, SUPPORTED_CURRENCIES } from '@souk/core/money';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { draftSchema } from '@/lib/draft-schema';
import { applyFormErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

type PublicVendor = RouterOutputs['marketplace']['public']['listVendors']['items'][number];
type VendorType = PublicVendor['type'];

/** One type of vendor, page by page: the directory is paged, so the rest loads on request. */
function useVendorPages(
  type: VendorType,
  first: { items: PublicVendor[]; total: number },
  pageSize: number,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [list, setList] = useState(first.items);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function more() {
    setLoading(true);
    setError(null);
    try {
      const next = await queryClient.fetchQuery(
        trpc.marketplace.public.listVendors.queryOptions({
          type,
          page: Math.floor(list.length / pageSize) + 1,
          pageSize,
        }),
      );
      setList((current) => {
        const seen = new Set(current.map((v) => v.id));
        return [...current, ...next.items.filter((v) => !seen.has(v.id))];
      });
    } catch {
      setError('More vendors could not be loaded. Please try again.');
    } finally {
      setLoading(false);
    }
  }
  return { list, hasMore: list.length < first.total, more, loading, error };
}

function MoreVendorsButton({
  pages,
  label,
}: {
  pages: ReturnType<typeof useVendorPages>;
  label: string;
}) {
  if (!pages.hasMore && !pages.error) return null;
  return (
    <p>
      {pages.hasMore ? (
        <button
          type="button"
          className="button-small"
          disabled={pages.loading}
          aria-busy={pages.loading}
          onClick={() => void pages.more()}
        >
          {label}
        </button>
      ) : null}
      {pages.error ? <span className="field-error"> {pages.error}</span> : null}
    </p>
  );
}
type Currency = (typeof SUPPORTED_CURRENCIES)[number];
type CreateBookingInput = RouterInputs['marketplace']['organizer']['createBooking'];

/** What the inputs hold, as typed, under the API's field names. */
interface BookingDraft {
  templateId: string;
  eventDate: string;
  guestCount: string;
  locationText: string;
  venueVendorId: string;
  serviceVendorIds: string[];
  notes: string;
  requestedBudgetCents: string;
  currency: Currency;
}

const ids = {
  templateId: 'booking-template',
  eventDate: 'booking-event-date',
  guestCount: 'booking-guests',
  locationText: 'booking-location',
  venueVendorId: 'booking-venue',
  serviceVendorIds: 'booking-services',
  notes: 'booking-notes',
  requestedBudgetCents: 'booking-budget',
  currency: 'booking-currency',
} as const;

/** The field an API path belongs to (`serviceVendorIds.2` is the services list); null if none. */
function fieldOf(path: string): string | null {
  const field = path.split('.')[0] ?? '';
  return field in ids ? field : null;
}

/** Draft -> API input; guests and budget are parsed from text (money never as a float). */
function draftToInput(draft: BookingDraft): {
  input: CreateBookingInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const guests = draft.guestCount.trim();
  const guestCount = guests === '' ? null : Number(guests);
  if (guestCount !== null && !Number.isInteger(guestCount))
    errors.guestCount = 'Guests must be a whole number';
  const budget = draft.requestedBudgetCents.trim();
  const budgetCents = budget === '' ? null : parseMoney(budget, draft.currency);
  if (budget !== '' && budgetCents === null) {
    errors.requestedBudgetCents =
      draft.currency === 'JPY'
        ? 'Enter the budget as a whole amount, like 150000'
        : 'Enter the budget as an amount, like 1500 or 1500.00';
  }
  return {
    input: {
      templateId: draft.templateId || null,
      eventDate: draft.eventDate || null,
      guestCount,
      locationText: draft.locationText,
      venueVendorId: draft.venueVendorId,
      serviceVendorIds: draft.serviceVendorIds,
      notes: draft.notes,
      requestedBudgetCents: budgetCents,
      currency: draft.currency,
      submit: true,
    },
    errors,
  };
}

const bookingDraftSchema = draftSchema({
  toInput: draftToInput,
  schema: createBookingInput,
  toField: fieldOf,
});

export function NewBookingForm({
  templates,
  venues: firstVenues,
  services: firstServices,
  vendorPageSize,
  initialTemplateId,
}: {
  templates: { id: string; name: string }[];
  /** The first page of each vendor type, as the directory pages them. */
  venues: { items: PublicVendor[]; total: number };
  services: { items: PublicVendor[]; total: number };
  vendorPageSize: number;
  initialTemplateId: string;
}) {
  const trpc = useTRPC();
  const venuePages = useVendorPages('venue_owner', firstVenues, vendorPageSize);
  const servicePages = useVendorPages('service_provider', firstServices, vendorPageSize);
  const venues = venuePages.list;
  const services = servicePages.list;
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(bookingDraftSchema),
    defaultValues: {
      templateId: initialTemplateId,
      eventDate: '',
      guestCount: '',
      locationText: '',
      venueVendorId: '',
      serviceVendorIds: [],
      notes: '',
      requestedBudgetCents: '',
      currency: 'USD',
    },
  });
  const { errors } = form.formState;
  const [currency, serviceIds] = useWatch({
    control: form.control,
    name: ['currency', 'serviceVendorIds'],
  });
  const [summary, setSummary] = useState<string | null>(null);

  const create = useMutation(
    trpc.marketplace.organizer.createBooking.mutationOptions({
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { toField: fieldOf })),
      onSuccess: (booking) => router.push(`/bookings/${booking.id}`),
    }),
  );
  const submit = form.handleSubmit(
    (input) => {
      setSummary(null);
      create.mutate(input);
    },
    (invalid) => setSummary(invalidSubmitSummary(invalid)),
  );
  const err = (name: keyof typeof ids) => errors[name]?.message;
  const ctl = (name: Exclude<keyof typeof ids, 'serviceVendorIds'>) => ({
    ...fieldControlProps(ids[name], err(name)),
    ...form.register(name),
  });
  const toggleService = (id: string, checked: boolean) => {
    const others = serviceIds.filter((x) => x !== id);
    form.setValue('serviceVendorIds', checked ? [...others, id] : others);
  };

  const pending = create.isPending || create.isSuccess;
  return (
    <form
      aria-label="New booking"
      noValidate
      onSubmit={(e) => {
        if (pending) e.preventDefault();
        else void submit(e);
      }}
    >
      <Notice kind="error">{summary}</Notice>
      <div className="form-grid">
        <Field id={ids.templateId} label="Template" error={err('templateId')}>
          <select {...ctl('templateId')}>
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.eventDate} label="Event date" error={err('eventDate')}>
          <input {...ctl('eventDate')} type="date" />
        </Field>
        <Field id={ids.guestCount} label="Guests" error={err('guestCount')}>
          <input {...ctl('guestCount')} type="number" min={1} step={1} inputMode="numeric" />
        </Field>
        <Field id={ids.locationText} label="Location" error={err('locationText')}>
          <input {...ctl('locationText')} type="text" maxLength={300} />
        </Field>
        <Field id={ids.venueVendorId} label="Venue" error={err('venueVendorId')} required>
          <select {...ctl('venueVendorId')} required>
            <option value="">Choose a venue</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.displayName}
              </option>
            ))}
          </select>
          <MoreVendorsButton pages={venuePages} label="Show more venues" />
        </Field>
        <Field id={ids.requestedBudgetCents} label="Budget" error={err('requestedBudgetCents')}>
          <input
            {...ctl('requestedBudgetCents')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={currency === 'JPY' ? '150000' : '1500.00'}
          />
        </Field>
        <Field id={ids.currency} label="Currency" error={err('currency')}>
          <select {...ctl('currency')}>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset
        className="services-fieldset"
        aria-describedby={err('serviceVendorIds') ? `${ids.serviceVendorIds}-error` : undefined}
      >
        <legend>Services</legend>
        {services.length === 0 ? (
          <p className="muted">No service providers are listed yet.</p>
        ) : (
          services.map((v) => {
            const id = `${ids.serviceVendorIds}-${v.id}`;
            return (
              <div key={v.id} className="choice">
                <input
                  id={id}
                  type="checkbox"
                  checked={serviceIds.includes(v.id)}
                  onChange={(e) => toggleService(v.id, e.target.checked)}
                />
                <label htmlFor={id}>{v.displayName}</label>
                {v.city ? <span className="field-hint">{v.city}</span> : null}
              </div>
            );
          })
        )}
        <MoreVendorsButton pages={servicePages} label="Show more services" />
        {err('serviceVendorIds') ? (
          <p id={`${ids.serviceVendorIds}-error`} className="field-error" role="alert">
            {err('serviceVendorIds')}
          </p>
        ) : null}
      </fieldset>

      <Field id={ids.notes} label="Notes" error={err('notes')}>
        <textarea {...ctl('notes')} maxLength={4000} />
      </Field>

      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
          Send request
        </button>
        {pending ? (
          <span className="muted" role="status">
            Sending…
          </span>
        ) : null}
      </div>
    </form>
  );
}
