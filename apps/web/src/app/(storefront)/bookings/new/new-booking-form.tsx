'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parseMoney, SUPPORTED_CURRENCIES } from '@souk/core/money';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { attentionSummary, fieldMessage, formErrors, type FieldMessages } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

type PublicVendor = RouterOutputs['marketplace']['public']['vendors']['items'][number];
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
        trpc.marketplace.public.vendors.queryOptions({
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
  const [templateId, setTemplateId] = useState(initialTemplateId);
  const [eventDate, setEventDate] = useState('');
  const [guests, setGuests] = useState('');
  const [location, setLocation] = useState('');
  const [venueId, setVenueId] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [budget, setBudget] = useState('');
  const [currency, setCurrency] = useState<Currency>('USD');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [summary, setSummary] = useState<string | null>(null);

  const create = useMutation(
    trpc.marketplace.organizer.createBooking.mutationOptions({
      onError: (error) => {
        const { summary, fieldErrors } = formErrors(error, { shown: Object.keys(ids) });
        setErrors(fieldErrors);
        setSummary(summary);
      },
      onSuccess: (booking) => router.push(`/bookings/${booking.id}`),
    }),
  );
  const err = (name: keyof typeof ids) => fieldMessage(errors, name);

  function submit() {
    const local: FieldMessages = {};
    if (!venueId) local.venueVendorId = 'Choose a venue';
    let guestCount: number | null = null;
    if (guests.trim() !== '') {
      guestCount = Number(guests);
      if (!Number.isInteger(guestCount)) local.guestCount = 'Guests must be a whole number';
    }
    let budgetCents: number | null = null;
    if (budget.trim() !== '') {
      budgetCents = parseMoney(budget, currency);
      if (budgetCents === null) {
        local.requestedBudgetCents =
          currency === 'JPY'
            ? 'Enter the budget as a whole amount, like 150000'
            : 'Enter the budget as an amount, like 1500 or 1500.00';
      }
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSummary(attentionSummary(Object.keys(local).length));
      return;
    }
    setErrors({});
    setSummary(null);
    create.mutate({
      templateId: templateId || null,
      eventDate: eventDate || null,
      guestCount,
      locationText: location,
      venueVendorId: venueId,
      serviceVendorIds: serviceIds,
      notes,
      requestedBudgetCents: budgetCents,
      currency,
      submit: true,
    });
  }

  const pending = create.isPending || create.isSuccess;
  return (
    <form
      aria-label="New booking"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) submit();
      }}
    >
      <Notice kind="error">{summary}</Notice>
      <div className="form-grid">
        <Field id={ids.templateId} label="Template" error={err('templateId')}>
          <select
            {...fieldControlProps(ids.templateId, err('templateId'))}
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
          >
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.eventDate} label="Event date" error={err('eventDate')}>
          <input
            {...fieldControlProps(ids.eventDate, err('eventDate'))}
            type="date"
            value={eventDate}
            onChange={(e) => setEventDate(e.target.value)}
          />
        </Field>
        <Field id={ids.guestCount} label="Guests" error={err('guestCount')}>
          <input
            {...fieldControlProps(ids.guestCount, err('guestCount'))}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={guests}
            onChange={(e) => setGuests(e.target.value)}
          />
        </Field>
        <Field id={ids.locationText} label="Location" error={err('locationText')}>
          <input
            {...fieldControlProps(ids.locationText, err('locationText'))}
            type="text"
            maxLength={300}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </Field>
        <Field id={ids.venueVendorId} label="Venue" error={err('venueVendorId')} required>
          <select
            {...fieldControlProps(ids.venueVendorId, err('venueVendorId'))}
            required
            value={venueId}
            onChange={(e) => {
              setVenueId(e.target.value);
              setErrors(({ venueVendorId: _cleared, ...rest }) => rest);
            }}
          >
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
            {...fieldControlProps(ids.requestedBudgetCents, err('requestedBudgetCents'))}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={currency === 'JPY' ? '150000' : '1500.00'}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
          />
        </Field>
        <Field id={ids.currency} label="Currency" error={err('currency')}>
          <select
            {...fieldControlProps(ids.currency, err('currency'))}
            value={currency}
            onChange={(e) => setCurrency(e.target.value as Currency)}
          >
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
                  onChange={(e) =>
                    setServiceIds((list) =>
                      e.target.checked
                        ? [...list.filter((x) => x !== v.id), v.id]
                        : list.filter((x) => x !== v.id),
                    )
                  }
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
        <textarea
          {...fieldControlProps(ids.notes, err('notes'))}
          maxLength={4000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
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
