import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { serverCaller } from '@/trpc/server';
import { marketplaceAccess, NoAccess } from '../../_components/access';
import { draftFromTemplate } from '../template-draft';
import { TemplateForm } from '../template-form';

export const metadata: Metadata = { title: 'Event template' };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const access = await marketplaceAccess(`/admin/marketplace/templates/${id}`);
  if (!access.canRead) return <NoAccess role={access.role} />;
  const template = await orNotFound((await serverCaller()).marketplace.admin.getTemplate({ id }));
  return (
    <>
      <p>
        <Link href="/admin/marketplace/templates">← Event templates</Link>
      </p>
      <h1>{template.name}</h1>
      {access.canManage ? null : (
        <p className="muted">You can read this template; your role cannot change it.</p>
      )}
      <TemplateForm
        templateId={template.id}
        initial={draftFromTemplate(template)}
        canManage={access.canManage}
      />
    </>
  );
}
