import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';
import { PortalInvoiceDocument } from '../../invoice-document';

export const metadata: Metadata = { title: 'Receipt' };
export const dynamic = 'force-dynamic';

// Printing shows the receipt alone.
const PRINT_CSS = `
@media print {
  .topbar, .skip-link, .no-print { display: none !important; }
}
.invoice { max-width: 48rem; }
.invoice table { margin: 1rem 0; }
`;

export default async function PortalReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  await requirePortal();
  const invoice = await orNotFound((await serverCaller()).portal.getInvoice({ id }));
  // Only a settled invoice has a receipt.
  if (!invoice.receiptUrl) notFound();
  return (
    <>
      <style>{PRINT_CSS}</style>
      <p className="no-print">
        <Link href={`/portal/invoices/${invoice.id}`}>← Invoice #{invoice.number}</Link> · Use your
        browser&apos;s Print to print or save this receipt as PDF.
      </p>
      <PortalInvoiceDocument invoice={invoice} title={`Receipt for invoice #${invoice.number}`} />
    </>
  );
}
