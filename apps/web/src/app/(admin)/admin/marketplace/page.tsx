import { redirect } from 'next/navigation';

export default function MarketplacePage() {
  redirect('/admin/marketplace/vendors');
}
