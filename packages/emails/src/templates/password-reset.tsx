import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout } from '../layout';
import { paragraphsOf } from '../paragraphs';
import { buttonStyle, headingStyle, linkStyle, mutedStyle, textStyle } from '../styles';

export interface PasswordResetEmailProps {
  subject: string;
  body: string;
  /** The reset link (the first one in the body). */
  href: string;
}

/**
 * The "forgot password" email: one button, the address spelled out for clients that block
 * buttons, and the body's other lines (who asked, how long the link works) around it.
 * The line carrying the link is replaced by the button, so the token is not shown twice.
 */
export function PasswordResetEmail({ subject, body, href }: PasswordResetEmailProps) {
  const lines = paragraphsOf(body);
  const at = lines.findIndex((line) => line.includes(href));
  const before = at === -1 ? lines : lines.slice(0, at);
  const after = at === -1 ? [] : lines.slice(at + 1);
  return (
    <EmailLayout preview={lines[0] ?? subject}>
      <Heading as="h1" style={headingStyle}>
        {subject}
      </Heading>
      {before.map((line, i) => (
        <Text key={i} style={textStyle}>
          {line}
        </Text>
      ))}
      <Section style={{ margin: '8px 0 24px' }}>
        <Button href={href} style={buttonStyle}>
          Choose a new password
        </Button>
      </Section>
      <Text style={mutedStyle}>
        If the button does not work, open this address:{' '}
        <Link href={href} style={linkStyle}>
          {href}
        </Link>
      </Text>
      {after.map((line, i) => (
        <Text key={i} style={mutedStyle}>
          {line}
        </Text>
      ))}
    </EmailLayout>
  );
}
