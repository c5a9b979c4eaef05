import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'souk-demo-password';

let ipSeq = 10;
/**
 * Each context gets its own client address: sign-in is rate-limited per IP
 * (5/min), and the app reads the address from X-Forwarded-For.
 */
export async function newClient(browser: Browser): Promise<BrowserContext> {
  ipSeq += 1;
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${ipSeq}` } });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/signin?callbackUrl=/admin/products');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/**
 * Calls a tRPC mutation with the page's cookies, as a hand-made request would. It says
 * it comes from the app's origin, as a browser does: the route refuses mutations with
 * no Origin (CSRF guard).
 */
export async function trpcMutation(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: new URL(page.url()).origin },
  });
  return {
    status: res.status(),
    body: (await res.json()) as { error?: { json?: { message?: string } } },
  };
}
