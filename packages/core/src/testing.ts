// Test helpers for other packages' tests (`@souk/core/testing`); never imported by app code.
export { lockAndSettleSucceededPayment } from './payments/events/settle-invoice';
export { signedUploadUrl } from './uploads/signed-url';
export { tinyPdf, tinyPng, uploadLinkParams } from './uploads/testing';
