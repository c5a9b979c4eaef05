import { Heading, Section } from '@react-email/components';
import { EmailLayout } from '../layout';
import { Paragraphs, paragraphsOf } from '../paragraphs';
import { headingStyle, panelStyle } from '../styles';

export interface OrderConfirmationEmailProps {
  subject: string;
  body: string;
}

/** Order confirmed or fulfilled: the stored lines (amount, invoice) as a receipt panel. */
export function OrderConfirmationEmail({ subject, body }: OrderConfirmationEmailProps) {
  const [thanks, ...details] = paragraphsOf(body);
  return (
    <EmailLayout preview={thanks ?? subject}>
      <Heading as="h1" style={headingStyle}>
        {subject}
      </Heading>
      <Paragraphs lines={thanks ? [thanks] : []} />
      {details.length > 0 ? (
        <Section style={panelStyle}>
          <Paragraphs lines={details} />
        </Section>
      ) : null}
    </EmailLayout>
  );
}
