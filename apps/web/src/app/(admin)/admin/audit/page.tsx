import type { Metadata } from 'next';
import { AuditTable } from './audit-table';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  return <AuditTable />;
}
