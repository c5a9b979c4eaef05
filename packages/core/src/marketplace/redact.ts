// Trust events are stored redacted: contact details must not leak through reports
// (and taking a booking off-platform is what the redaction is there to stop).

const EMAIL =
  /[A-Z0-9._%+-]+(?:\s*(?:@|\(at\)|\[at\])\s*)[A-Z0-9.-]+(?:\.|\s*\(dot\)\s*)[A-Z]{2,}/gi;
// A run of 7+ digits, allowing the usual separators and an optional leading +;
// ISO dates (2026-12-31) are not phone numbers.
const PHONE = /(?<![\w])(?!\d{4}-\d{2}-\d{2}(?!\d))\+?\d(?:[\s().-]*\d){6,}(?![\w])/g;

export const REDACTED_EMAIL = '[redacted email]';
export const REDACTED_PHONE = '[redacted phone]';

export function redactContactInfo(text: string): string {
  return text.replace(EMAIL, REDACTED_EMAIL).replace(PHONE, REDACTED_PHONE);
}
