import { Body, Container, Head, Hr, Html, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { bodyStyle, brandStyle, containerStyle, mutedStyle } from './styles';

/** Every Souk email: brand, the message, and a footer saying why it was sent. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={bodyStyle}>
        <Container style={containerStyle}>
          <Text style={brandStyle}>Souk</Text>
          {children}
          <Hr />
          <Text style={mutedStyle}>
            You received this email because of an order, booking or account on Souk.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
