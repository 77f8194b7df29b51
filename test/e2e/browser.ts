// What every browser test shares: whether Debian's Chromium is here (CI requires it), the product open in it, and
// axe over a page.
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { CHROMIUM, CHROMIUM_ARGS, startProduct, type Product } from './harness';

/** Where browser tests leave their screenshots and downloads. */
export const RESULTS = path.join(PROJECT_ROOT, 'test-results');

/** True when Chromium is installed; outside CI a missing Chromium is said loudly and the browser tests skip. */
export function chromiumPresent(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `\n*** Browser tests NOT RUN: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium ***\n`;
  process.stderr.write(message);
  // CI installs Chromium and requires these tests.
  if (process.env.CI === 'true') throw new Error(`Chromium is required in CI: ${message.trim()}`);
  return false;
}

export interface ProductInBrowser {
  product: Product;
  page: Page;
  /** Closes the browser, then the product. */
  close(): Promise<void>;
}

/**
 * The product as `npm start` runs it, with Chromium on one 1400 x 1000 page whose script errors go to stderr; the
 * results folder exists.
 */
export async function openProductInBrowser(): Promise<ProductInBrowser> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const product = await startProduct();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    const opened = browser;
    return {
      product,
      page,
      close: async () => {
        await opened.close();
        await product.close();
      }
    };
  } catch (error) {
    await browser?.close();
    await product.close();
    throw error;
  }
}

/**
 * A describe block over the product open in Chromium (openProductInBrowser): opened before its tests, closed after,
 * skipped (said loudly) without Chromium. The body's tests read `session.product` and `session.page`.
 */
export function describeInBrowser(title: string, body: (session: ProductInBrowser) => void): void {
  describe(title, { skip: !chromiumPresent() && 'Chromium is not installed' }, () => {
    let opened: ProductInBrowser | undefined;
    const current = (): ProductInBrowser => {
      if (!opened) throw new Error('the product is not open in the browser yet');
      return opened;
    };
    before(async () => {
      opened = await openProductInBrowser();
    });
    after(() => opened?.close());
    body({
      get product() {
        return current().product;
      },
      get page() {
        return current().page;
      },
      close: () => current().close()
    });
  });
}

/** Text as a reader sees it: runs of white space as one space, trimmed. */
export const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

export interface Violation {
  id: string;
  impact: string;
  nodes: number;
  /** The selectors of the offending nodes, for the failure message. */
  targets: string[];
}

/** axe-core's violations on the page as it stands. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      targets: v.nodes.map((node) => JSON.stringify(node.target))
    }));
  });
}

/** The violations a browser test fails on: serious and critical. */
export const serious = (violations: Violation[]): Violation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
