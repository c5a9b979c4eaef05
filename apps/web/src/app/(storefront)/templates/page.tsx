import type { Metadata } from 'next';
import Link from 'next/link';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Event templates' };
export const dynamic = 'force-dynamic';

/** Public teasers; the details behind "View details" are for subscribers. */
export default async function TemplatesPage() {
  const templates = await (await serverCaller()).marketplace.public.listTemplates({});
  return (
    <>
      <h1>Event templates</h1>
      {templates.length === 0 ? (
        <p className="empty">No event templates are published yet.</p>
      ) : (
        <div className="grid-cards">
          {templates.map((template) => (
            <article key={template.id} className="card template-card">
              <h2>{template.name}</h2>
              {template.summary ? <p className="muted">{template.summary}</p> : null}
              {template.suggestedGuests !== null ? (
                <p>Suggested guests: {template.suggestedGuests}</p>
              ) : null}
              <Link href={`/templates/${template.id}`}>View details</Link>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
