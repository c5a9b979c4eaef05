import { Heading } from '@react-email/components';
import { EmailLayout } from '../layout';
import { Paragraphs, paragraphsOf } from '../paragraphs';
import { headingStyle } from '../styles';

export interface NotificationEmailProps {
  subject: string;
  body: string;
}

/** Any outbox email without its own template: the subject, then the body with links. */
export function NotificationEmail({ subject, body }: NotificationEmailProps) {
  const lines = paragraphsOf(body);
  return (
    <EmailLayout preview={lines[0] ?? subject}>
      <Heading as="h1" style={headingStyle}>
        {subject}
      </Heading>
      <Paragraphs lines={lines} />
    </EmailLayout>
  );
}
