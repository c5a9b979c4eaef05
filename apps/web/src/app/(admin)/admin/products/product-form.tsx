'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { ConfirmDialog } from '@souk/ui';
import { applyFormErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { AddOnsSection } from './add-ons-section';
import { CustomFieldsSection } from './custom-fields-section';
import { OptionGroupsSection } from './option-groups-section';
import { PlansSection } from './plans-section';
import { ProductBasics } from './product-basics';
import { draftField, productDraftSchema, type ProductDraft } from './product-draft';

/** Create or edit a product: basics, option groups, add-ons, custom fields and plans. */
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
  // Checked with the core schema before sending; the API's refusals land on the same fields.
  const form = useForm({ resolver: zodResolver(productDraftSchema), defaultValues: initial });
  const status = useWatch({ control: form.control, name: 'status' });
  const [summary, setSummary] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const onError = (error: unknown) => {
    setSummary(applyFormErrors(form.setError, error, { toField: draftField }));
    setSaved(null);
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
    router.refresh();
  };
  const create = useMutation(
    trpc.catalog.createProduct.mutationOptions({
      onError,
      onSuccess: async (product) => {
        await refresh();
        router.push(`/admin/products/${product.id}?created=1`);
      },
    }),
  );
  const update = useMutation(
    trpc.catalog.updateProduct.mutationOptions({
      onError,
      onSuccess: async () => {
        setSaved('Changes saved.');
        await refresh();
      },
    }),
  );
  const archive = useMutation(
    trpc.catalog.archiveProduct.mutationOptions({
      onError,
      onSuccess: async () => {
        form.setValue('status', 'archived');
        setSaved('Product archived.');
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.catalog.deleteProduct.mutationOptions({
      onError,
      onSuccess: async () => {
        await refresh();
        router.push('/admin/products?deleted=1');
      },
    }),
  );
  const pending = create.isPending || update.isPending || archive.isPending || remove.isPending;

  const submit = form.handleSubmit(
    (input) => {
      setSummary(null);
      setSaved(null);
      if (productId) update.mutate({ id: productId, ...input });
      else create.mutate(input);
    },
    (errors) => {
      setSaved(null);
      setSummary(invalidSubmitSummary(errors));
    },
  );

  return (
    <FormProvider {...form}>
      <form
        aria-label={productId ? 'Edit product' : 'New product'}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        {summary ? (
          <div className="notice notice-error" role="alert">
            <strong>{summary}</strong>
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
          <ProductBasics suggestSlug={productId === null} />
          <OptionGroupsSection />
          <AddOnsSection />
          <CustomFieldsSection />
          <PlansSection />
        </fieldset>

        {canWrite ? (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={pending}>
              {productId ? 'Save changes' : 'Create product'}
            </button>
            {productId ? (
              <>
                <ConfirmDialog
                  trigger={
                    <button type="button" disabled={pending || status === 'archived'}>
                      Archive
                    </button>
                  }
                  title="Archive this product?"
                  description="It disappears from the storefront."
                  confirmLabel="Archive product"
                  pendingLabel="Archiving…"
                  // Errors are reported by onError; the dialog only waits for the outcome.
                  onConfirm={() => archive.mutateAsync({ id: productId }).catch(() => undefined)}
                />
                <ConfirmDialog
                  trigger={
                    <button type="button" className="button-danger" disabled={pending}>
                      Delete
                    </button>
                  }
                  title="Delete this product and its configuration?"
                  description="This cannot be undone."
                  confirmLabel="Delete product"
                  pendingLabel="Deleting…"
                  tone="danger"
                  onConfirm={() => remove.mutateAsync({ id: productId }).catch(() => undefined)}
                />
              </>
            ) : null}
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}
