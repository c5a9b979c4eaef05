import {
  emptySelection,
  startCheckoutInput,
  type PricedProduct,
  type PriceSelection,
} from '@souk/core/client';

// A guest's configuration rides through sign-in in the callbackUrl's query rather than in
// sessionStorage: the product page reads it on the server, so the first HTML already
// shows the restored choices and price (no flash of defaults, no server/browser mismatch
// at hydration); it works where storage is blocked or when sign-in finishes in another
// tab; and nothing lingers to resurface on a later visit. The price is never carried:
// it is computed again from the choices, here and at checkout.

/** What a guest chose on a product page, carried through sign-in and back. */
export interface CarriedSelection {
  quantity: number;
  selection: PriceSelection;
}

// The same schema checkout validates with: whatever comes back through the link is held
// to the rules the server action would apply anyway.
const carriedSelectionSchema = startCheckoutInput.pick({ quantity: true, selection: true });

/**
 * Longest `sel` value written or read. Real selections are a few hundred characters; a
 * cap keeps the sign-in link under what proxies accept in a request line and lets a
 * hostile value be refused before any decoding.
 */
export const SELECTION_PARAM_MAX = 6000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** base64url of the JSON, or null when it would not fit in a link. */
export function encodeSelectionParam(carried: CarriedSelection): string | null {
  const value = toBase64Url(new TextEncoder().encode(JSON.stringify(carried)));
  return value.length <= SELECTION_PARAM_MAX ? value : null;
}

/** The carried selection, or null for anything else: a bad link is ignored, never an error. */
export function decodeSelectionParam(value: unknown): CarriedSelection | null {
  // A repeated parameter arrives as an array: not something we wrote.
  if (typeof value !== 'string' || value.length > SELECTION_PARAM_MAX) return null;
  const bytes = fromBase64Url(value);
  if (!bytes) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const parsed = carriedSelectionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Where a guest signs in from a product page: the callbackUrl is the product page itself
 * (a same-origin path, as safeCallbackPath requires), with the choices in its query. A
 * selection too large for a link comes back as the bare product page.
 */
export function signInFromProduct(productSlug: string, carried: CarriedSelection): string {
  const sel = encodeSelectionParam(carried);
  const back = `/products/${productSlug}${sel ? `?sel=${sel}` : ''}`;
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

/**
 * Keeps only what the product offers: a link can be edited, and the product can change
 * while the guest signs in. An id the configurator cannot show would otherwise sit in
 * the selection, unseen, and fail checkout.
 */
export function fitSelectionToProduct(
  product: Pick<PricedProduct, 'optionGroups' | 'addOns' | 'customFields' | 'subscriptionPlans'>,
  selection: PriceSelection,
): PriceSelection {
  const options: Record<string, string[]> = {};
  for (const group of product.optionGroups) {
    const chosen = Object.hasOwn(selection.options, group.id) ? selection.options[group.id] : [];
    const known = group.options.map((o) => o.id).filter((id) => chosen?.includes(id));
    const kept = group.selectionType === 'single' ? known.slice(0, 1) : known;
    if (kept.length > 0) options[group.id] = kept;
  }
  const customFields: Record<string, string> = {};
  for (const field of product.customFields) {
    if (Object.hasOwn(selection.customFields, field.id)) {
      customFields[field.id] = selection.customFields[field.id] ?? '';
    }
  }
  const planId = product.subscriptionPlans.some((p) => p.id === selection.planId)
    ? selection.planId
    : emptySelection(product).planId;
  return {
    options,
    addOnIds: product.addOns.map((a) => a.id).filter((id) => selection.addOnIds.includes(id)),
    planId,
    customFields,
  };
}
