import { Link, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { linkStyle, textStyle } from './styles';

// http(s) only: whatever else a stored body holds stays text, never an href.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// A sentence that ends in a link ("…at https://x/y.") keeps its full stop outside the link.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export interface TextPart {
  text: string;
  href?: string;
}

/** Splits one line into text and links; `href` is set on the link parts. */
export function splitLinks(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    if (start > last) parts.push({ text: line.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

/** The first http(s) link in a body, if any. */
export function firstLink(body: string): string | undefined {
  for (const line of body.split('\n')) {
    const href = splitLinks(line).find((part) => part.href)?.href;
    if (href) return href;
  }
  return undefined;
}

/** The stored body's non-empty lines, one paragraph each. */
export function paragraphsOf(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One paragraph per line, with every URL a link a reader can click. */
export function Paragraphs({ lines }: { lines: string[] }): ReactNode {
  return lines.map((line, index) => (
    <Text key={index} style={textStyle}>
      {splitLinks(line).map((part, i) =>
        part.href ? (
          <Link key={i} href={part.href} style={linkStyle}>
            {part.text}
          </Link>
        ) : (
          part.text
        ),
      )}
    </Text>
  ));
}
