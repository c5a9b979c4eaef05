import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';
import { PortalInvoiceDocument } from '../invoice-document';

export const metadata: Metadata = { title: 'Invoice' };
export const dynamic = 'force-dynamic';

export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  await requirePortal();
  const invoice = await orNotFound((await serverCaller()).portal.getInvoice({ id }));
  return (
    <>
      <p>
        <Link href="/portal/invoices">← Your invoices</Link>
      </p>
      <PortalInvoiceDocument invoice={invoice} title={`Invoice #${invoice.number}`} />
      <p className="form-actions">
        {invoice.payUrl ? (
          <a className="button-primary" href={invoice.payUrl}>
            Pay {invoice.balanceDueCents > 0 ? 'the balance' : 'now'}
          </a>
        ) : null}
        {invoice.receiptUrl ? <Link href={invoice.receiptUrl}>Receipt</Link> : null}
      </p>
    </>
  );
}
