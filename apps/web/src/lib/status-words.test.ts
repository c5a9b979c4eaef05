import { describe, expect, it } from 'vitest';
import {
  BookingPaymentStatus,
  BookingStatus,
  BookingVendorStatus,
  DisputeStatus,
  FulfillmentTaskStatus,
  HostedSessionStatus,
  InvoiceStatus,
  OrderStatus,
  OutboxStatus,
  PayoutStatus,
  ProcessorEventStatus,
  ProductStatus,
  SubscriptionStatus,
  UploadStatus,
  VendorStatus,
} from '@souk/db';
import { STATUS_WORDS } from '@souk/ui';

// Every status the database can hold has words in the ui kit's one table.
const ENUMS = {
  BookingPaymentStatus,
  BookingStatus,
  BookingVendorStatus,
  DisputeStatus,
  FulfillmentTaskStatus,
  HostedSessionStatus,
  InvoiceStatus,
  OrderStatus,
  OutboxStatus,
  PayoutStatus,
  ProcessorEventStatus,
  ProductStatus,
  SubscriptionStatus,
  UploadStatus,
  VendorStatus,
};

describe('STATUS_WORDS', () => {
  it.each(Object.entries(ENUMS))('has words for every %s value', (_name, values) => {
    const missing = Object.values(values).filter((value) => !Object.hasOwn(STATUS_WORDS, value));
    expect(missing).toEqual([]);
  });
});
