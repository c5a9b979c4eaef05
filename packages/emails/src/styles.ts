import type { CSSProperties } from 'react';

// Inline styles: most mail clients drop <style> blocks. Colours meet 4.5:1 on white.
export const bodyStyle: CSSProperties = {
  backgroundColor: '#f4f4f5',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  margin: 0,
  padding: '24px 0',
};
export const containerStyle: CSSProperties = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  maxWidth: '560px',
  padding: '32px',
};
export const brandStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '20px',
  fontWeight: 700,
  margin: '0 0 24px',
};
export const headingStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '22px',
  lineHeight: '30px',
  margin: '0 0 16px',
};
export const textStyle: CSSProperties = {
  color: '#27272a',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '0 0 16px',
};
export const mutedStyle: CSSProperties = {
  color: '#52525b',
  fontSize: '13px',
  lineHeight: '20px',
  margin: '0 0 8px',
};
export const linkStyle: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline' };
export const buttonStyle: CSSProperties = {
  backgroundColor: '#1d4ed8',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};
export const panelStyle: CSSProperties = {
  backgroundColor: '#f4f4f5',
  borderRadius: '6px',
  padding: '16px 16px 0',
  margin: '0 0 16px',
};
