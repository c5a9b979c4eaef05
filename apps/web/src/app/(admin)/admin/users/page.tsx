import type { Metadata } from 'next';
import { MembersTable } from './members-table';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  return <MembersTable />;
}
