import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout } from '../layout';
import { Paragraphs, paragraphsOf, splitLinks } from '../paragraphs';
import { buttonStyle, headingStyle, linkStyle, mutedStyle } from '../styles';

export interface ActionEmailProps {
  subject: string;
  body: string;
  /** The link the email is about (the first one in the body). */
  href: string;
  /** What the button says: "Resume checkout". */
  label: string;
}

/**
 * An email whose point is one link (resume a checkout, retry a payment): the
 * body's lines, with the line carrying the link turned into a button, and the
 * address spelled out below it for clients that block buttons.
 */
export function ActionEmail({ subject, body, href, label }: ActionEmailProps) {
  const lines = paragraphsOf(body);
  const at = lines.findIndex((line) => line.includes(href));
  const before = at === -1 ? lines : lines.slice(0, at);
  const after = at === -1 ? [] : lines.slice(at + 1);
  // "Pick up where you left off: <url>" keeps its words as the button's lead-in.
  const leadIn =
    at === -1
      ? ''
      : splitLinks(lines[at]!)
          .filter((part) => !part.href)
          .map((part) => part.text)
          .join('')
          .trim()
          .replace(/:$/, '.');
  return (
    <EmailLayout preview={lines[0] ?? subject}>
      <Heading as="h1" style={headingStyle}>
        {subject}
      </Heading>
      <Paragraphs lines={leadIn ? [...before, leadIn] : before} />
      <Section style={{ margin: '8px 0 24px' }}>
        <Button href={href} style={buttonStyle}>
          {label}
        </Button>
      </Section>
      <Text style={mutedStyle}>
        If the button does not work, open this address:{' '}
        <Link href={href} style={linkStyle}>
          {href}
        </Link>
      </Text>
      <Paragraphs lines={after} />
    </EmailLayout>
  );
}
