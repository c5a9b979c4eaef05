export { emailFor, renderEmail, type EmailRow, type RenderedEmail } from './render-email';
