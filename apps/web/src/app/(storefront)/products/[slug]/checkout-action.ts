'use server';

import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { getSoukSession } from '@souk/auth';
import type { PriceSelection } from '@souk/core/client';
import { AppError, fieldErrorsOf, summarizeFieldErrors } from '@souk/core/errors';
import { signInFromProduct } from '@/lib/carried-selection';
import { internalCaller } from '@/trpc/server';
import { configuratorField, parseCheckoutActionInput } from './checkout-action-input';

export interface StartCheckoutActionInput {
  productSlug: string;
  quantity: number;
  selection: PriceSelection;
}

/** Only returned on failure: success redirects to the hosted pay page. */
export interface StartCheckoutActionResult {
  ok: false;
  /** Signed out: where to sign in (and come back to the product, choices kept, afterwards). */
  signIn?: string;
  message?: string;
  /** Keyed like the configurator's issues: `options.<groupId>`, `customFields.<fieldId>`, `plan`, … */
  fieldErrors?: Record<string, string[]>;
}

/** Field errors from a core AppError (details.fieldErrors) or an input-schema failure (issues). */
function fieldErrorsFrom(error: TRPCError): Record<string, string[]> {
  // Flattened the way the API's error formatter does it (one function in core).
  const raw = fieldErrorsOf(error.cause) ?? {};
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(raw)) {
    const field = configuratorField(key.split('.')) ?? key;
    (out[field] ??= []).push(...messages);
  }
  return out;
}

export async function startCheckoutAction(
  raw: StartCheckoutActionInput,
): Promise<StartCheckoutActionResult> {
  // Typed for the configurator, but anyone can post anything to a server action.
  const parsed = parseCheckoutActionInput(raw);
  if (!parsed.ok) {
    return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors };
  }
  const { input } = parsed;
  // Signed out: the guest comes back to this product with every choice still made.
  const signIn = signInFromProduct(input.productSlug, {
    quantity: input.quantity,
    selection: input.selection,
  });
  const session = await getSoukSession();
  if (!session) return { ok: false, signIn };

  let checkoutUrl: string;
  try {
    const result = await (
      await internalCaller()
    ).checkout.startCheckout({
      productSlug: input.productSlug,
      quantity: input.quantity,
      selection: input.selection,
    });
    checkoutUrl = result.checkoutUrl;
  } catch (error) {
    if (error instanceof TRPCError) {
      // The code, not the wording: a missing API key is UNAUTHORIZED too, but not an AppError.
      if (error.cause instanceof AppError && error.cause.code === 'UNAUTHORIZED') {
        return { ok: false, signIn };
      }
      const fieldErrors = fieldErrorsFrom(error);
      // An input-schema failure's own message is the raw issue list: say it in words.
      const isSchemaFailure = error.cause !== undefined && !(error.cause instanceof AppError);
      const raw = fieldErrorsOf(error.cause);
      return {
        ok: false,
        message: isSchemaFailure && raw ? summarizeFieldErrors(raw) : error.message,
        fieldErrors,
      };
    }
    throw error;
  }
  // Outside the try: redirect() throws to hand the navigation to Next.
  redirect(checkoutUrl);
}
