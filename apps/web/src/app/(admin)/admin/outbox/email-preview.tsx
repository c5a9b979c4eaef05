'use client';

import { useEffect, useState } from 'react';
import type { EmailRow, RenderedEmail } from '@souk/emails';
import { Notice } from '@souk/ui';

type Preview = { email: RenderedEmail } | { error: string } | null;

const frameStyle = {
  width: '100%',
  height: '28rem',
  border: '1px solid var(--border)',
  borderRadius: '6px',
  background: '#ffffff',
} as const;

/**
 * An email row as its recipient sees it: the HTML in a sandboxed frame (no script,
 * no forms, no navigation, an origin of its own) and the text part below. Rendered
 * in the browser from the stored row with the same @souk/emails templates the
 * worker sends; the templates load only when a preview is opened.
 */
export function EmailPreview({ row }: { row: EmailRow }) {
  const { topic, subject, body } = row;
  const [preview, setPreview] = useState<Preview>(null);
  useEffect(() => {
    let current = true;
    import('@souk/emails')
      .then(({ renderEmail }) => renderEmail({ topic, subject, body }))
      .then(
        (email) => {
          if (current) setPreview({ email });
        },
        (error: unknown) => {
          if (current)
            setPreview({ error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [topic, subject, body]);

  if (!preview) {
    return (
      <p className="muted" role="status">
        Rendering the email…
      </p>
    );
  }
  if ('error' in preview) {
    return <Notice kind="error">The email could not be rendered: {preview.error}</Notice>;
  }
  const { email } = preview;
  return (
    <section aria-label={`Email: ${email.subject}`}>
      <p>
        <strong>Subject:</strong> {email.subject}
      </p>
      <h3>As HTML</h3>
      <iframe
        title={`HTML of “${email.subject}”`}
        sandbox=""
        srcDoc={email.html}
        style={frameStyle}
      />
      <h3>As text</h3>
      <pre className="message-body">{email.text}</pre>
    </section>
  );
}

/** What an outbox row's "View" opens: emails as rendered, other channels as stored. */
export function OutboxMessagePreview({ row }: { row: EmailRow & { channel: string } }) {
  if (row.channel === 'email') return <EmailPreview row={row} />;
  return <pre className="message-body">{row.body}</pre>;
}
