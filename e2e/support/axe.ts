import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

// Every page of the app a test visits is checked with axe (WCAG 2.x A and AA rules); a
// serious or critical violation fails the test, listed with the page and the elements.
// Pages are scanned after each load and client-side navigation (a short pause lets the
// page settle) and once more at the end of the test. The same check catches React
// hydration errors (#418 and friends), which a page logs when the browser renders other
// text than the server did. Browsers run in another time zone than the server (UTC), as
// most readers do: a date formatted in the reader's zone during render shows up here.
//
// Specs import `test` and `expect` from here instead of from @playwright/test.

export { expect };

const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SETTLE_MS = 400;
const SCAN_LIMIT_MS = 30_000;
const BROWSER_TIME_ZONE = 'Pacific/Honolulu';
const HYDRATION_ERROR = /Minified React error #(418|423|425)|Hydration failed|hydration mismatch/i;

interface Finding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

class PageChecker {
  readonly findings: Finding[] = [];
  readonly hydrationErrors: string[] = [];
  /** Distinct pages scanned (path and query), for the report. */
  readonly scanned = new Set<string>();
  private readonly timers = new Map<Page, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<void>>();
  private readonly watched = new WeakSet<Page>();

  constructor(private readonly appOrigin: string) {}

  watchContext(context: BrowserContext): void {
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  private watchPage(page: Page): void {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    page.on('load', () => this.schedule(page));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.schedule(page);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && HYDRATION_ERROR.test(message.text())) {
        this.hydrationErrors.push(`${page.url()}: ${message.text().slice(0, 300)}`);
      }
    });
    page.on('pageerror', (error) => {
      if (HYDRATION_ERROR.test(error.message)) {
        this.hydrationErrors.push(`${page.url()}: ${error.message.slice(0, 300)}`);
      }
    });
    page.on('close', () => {
      clearTimeout(this.timers.get(page));
      this.timers.delete(page);
    });
  }

  private schedule(page: Page): void {
    clearTimeout(this.timers.get(page));
    this.timers.set(
      page,
      setTimeout(() => {
        this.timers.delete(page);
        this.track(this.scan(page));
      }, SETTLE_MS),
    );
  }

  private track(scan: Promise<void>): void {
    // A scan of a page whose context closed under it (a helper closing its admin tab) can
    // wait forever on the page's answer: stop waiting for it after SCAN_LIMIT_MS.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SCAN_LIMIT_MS);
    });
    const work = Promise.race([scan, limit]).finally(() => clearTimeout(timer));
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async scan(page: Page): Promise<void> {
    if (page.isClosed()) return;
    const url = page.url();
    // The app's own pages only: the payment sandbox stands in for Stripe's hosted page.
    if (!url.startsWith(this.appOrigin)) return;
    try {
      // A JSON or plain-text response (an API route) is not a page to audit.
      const isHtml = await page.evaluate('document.contentType === "text/html"');
      if (isHtml !== true) return;
      // A sandboxed preview (the outbox email) runs no scripts: axe could never answer from it.
      const analyze = () =>
        new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe[sandbox]').analyze();
      const blocking = (found: Awaited<ReturnType<typeof analyze>>) =>
        found.violations.some((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
      let results = await analyze();
      if (blocking(results)) {
        // A scan can land on a document that is being replaced (a sign-in redirect, a
        // client navigation swapping <title>): count only what a settled page still shows.
        await page.waitForLoadState('load');
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS)); // the same debounce as a load
        if (page.isClosed() || page.url() !== url) return; // its own load schedules the next scan
        results = await analyze();
      }
      if (page.url() !== url || results.url !== url) return;
      const { pathname } = new URL(url);
      this.scanned.add(pathAndQuery(url));
      for (const violation of results.violations) {
        if (!violation.impact || !BLOCKING_IMPACTS.has(violation.impact)) continue;
        const key = `${pathname}|${violation.id}`;
        if (this.findings.some((f) => `${new URL(f.url).pathname}|${f.rule}` === key)) continue;
        this.findings.push({
          url,
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
        });
      }
    } catch {
      // The page navigated or closed mid-scan: its next load (or the final pass) scans it.
    }
  }

  /** Scans whatever is still open and waits for every scan under way. */
  async finish(contexts: readonly BrowserContext[]): Promise<void> {
    for (const [page, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(page);
    }
    for (const context of contexts) {
      for (const page of context.pages()) this.track(this.scan(page));
    }
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  report(): string | null {
    const lines: string[] = [];
    for (const f of this.findings) {
      lines.push(`${f.impact} ${f.rule} on ${f.url}: ${f.help}\n    ${f.targets.join('\n    ')}`);
    }
    for (const error of this.hydrationErrors) lines.push(`hydration error on ${error}`);
    return lines.length > 0 ? lines.join('\n') : null;
  }
}

/**
 * Contexts made with browser.newContext() during a test (support/auth's newClient, or a
 * spec's own) are watched too: the method is wrapped for the length of the test.
 */
function watchNewContexts(browser: Browser, onContext: (context: BrowserContext) => void) {
  const original = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const [options, ...rest] = args;
    const context = await original({ timezoneId: BROWSER_TIME_ZONE, ...options }, ...rest);
    onContext(context);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

export const test = base.extend<{ axeCheck: void }>({
  timezoneId: BROWSER_TIME_ZONE,
  axeCheck: [
    async ({ browser, context, baseURL }, use, testInfo) => {
      const checker = new PageChecker(new URL(baseURL ?? 'http://127.0.0.1').origin);
      const contexts: BrowserContext[] = [context];
      checker.watchContext(context);
      const restore = watchNewContexts(browser, (created) => {
        contexts.push(created);
        checker.watchContext(created);
      });
      try {
        await use();
      } finally {
        restore();
      }
      await checker.finish(contexts);
      await testInfo.attach('axe-pages', {
        body: [...checker.scanned].sort().join('\n'),
        contentType: 'text/plain',
      });
      const problems = checker.report();
      if (problems) {
        throw new Error(
          `Accessibility (axe: serious or critical) or hydration problems:\n${problems}`,
        );
      }
    },
    // Its own budget: the final pass scans every page still open after the test's 60 s.
    { auto: true, timeout: 90_000 },
  ],
});

function pathAndQuery(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return url;
  }
}
