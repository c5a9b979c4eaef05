'use server';

import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { getSoukSession } from '@souk/auth';
import type { PriceSelection } from '@souk/core/catalog/calculate-price';
import { AppError } from '@souk/core/errors';
import { internalCaller } from '@/trpc/server';
import { parseCheckoutActionInput } from './checkout-action-input';

export interface StartCheckoutActionInput {
  productSlug: string;
  quantity: number;
  selection: PriceSelection;
}

/** Only returned on failure: success redirects to the hosted pay page. */
export interface StartCheckoutActionResult {
  ok: false;
  /** Signed out: where to sign in (and come back to the product afterwards). */
  signIn?: string;
  message?: string;
  /** Keyed like the configurator's issues: `options.<groupId>`, `customFields.<fieldId>`, `plan`, … */
  fieldErrors?: Record<string, string[]>;
}

function issuePath(path: readonly unknown[]): string {
  return path
    .map((p) => (p && typeof p === 'object' && 'key' in p ? String(p.key) : String(p)))
    .join('.');
}

/** Field errors from a core AppError (details.fieldErrors) or an input-schema failure (issues). */
function fieldErrorsFrom(error: TRPCError): Record<string, string[]> {
  const cause: unknown = error.cause;
  const raw: Record<string, string[]> = {};
  if (cause instanceof AppError) {
    Object.assign(raw, cause.details.fieldErrors ?? {});
  } else if (cause && typeof cause === 'object' && 'issues' in cause) {
    const issues = Array.isArray(cause.issues) ? cause.issues : [];
    for (const issue of issues as { path?: unknown[]; message?: string }[]) {
      const key = issuePath(issue.path ?? []) || '_';
      (raw[key] ??= []).push(issue.message ?? 'Invalid value');
    }
  }
  // The configurator names fields relative to the selection.
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(raw)) {
    const field =
      key === 'selection.planId'
        ? 'plan'
        : key.replace(/^selection\./, '').replace(/^addOnIds/, 'addOns');
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
  const session = await getSoukSession();
  if (!session) {
    return {
      ok: false,
      signIn: `/signin?callbackUrl=${encodeURIComponent(`/products/${input.productSlug}`)}`,
    };
  }

  let checkoutUrl: string;
  try {
    const result = await (
      await internalCaller()
    ).checkout.start({
      productSlug: input.productSlug,
      quantity: input.quantity,
      selection: input.selection,
    });
    checkoutUrl = result.checkoutUrl;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED' && error.message === 'Sign in to check out') {
        return {
          ok: false,
          signIn: `/signin?callbackUrl=${encodeURIComponent(`/products/${input.productSlug}`)}`,
        };
      }
      const fieldErrors = fieldErrorsFrom(error);
      // An input-schema failure's own message is the raw issue list: say the first one.
      const isSchemaFailure = error.cause !== undefined && !(error.cause instanceof AppError);
      const first = Object.values(fieldErrors)[0]?.[0];
      return {
        ok: false,
        message: isSchemaFailure && first ? first : error.message,
        fieldErrors,
      };
    }
    throw error;
  }
  // Outside the try: redirect() throws to hand the navigation to Next.
  redirect(checkoutUrl);
}
