import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { serverCaller } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export default async function StorefrontHome() {
  const products = await (await serverCaller()).catalog.listStorefrontProducts({});
  return (
    <>
      <h1>Products</h1>
      {products.length === 0 ? (
        <p className="empty">No products are on sale yet.</p>
      ) : (
        <div className="grid-cards">
          {products.map((p) => (
            <article key={p.id} className="card product-card">
              <h2>
                <Link href={`/products/${p.slug}`}>{p.name}</Link>
              </h2>
              <p className="muted">{p.description}</p>
              <p className="price">from {formatMoney(p.basePriceCents, p.currency)}</p>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
