/**
 * The pilot numbers page in a real browser (Debian's Chromium through playwright-core): reached from
 * the menu, charts drawn as images with their names, a slice chosen in the form, the CSV downloaded
 * and read back. Over a synthetic 12-week pilot; saves docs/screenshots/pilot.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { type AdminServer, PASSWORD, USERS, startAdminServer } from './admin-harness.js';
import { seedSyntheticPilot } from './pilot-seed.js';

/** docs/screenshots/ with `UPDATE_SCREENSHOTS=1`; otherwise a temp folder. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
  : mkdtempSync(path.join(tmpdir(), 'polydesk-screenshots-'));
/** A Friday in 2025-W13: the default range is 2025-W02 to 2025-W13, the synthetic pilot's weeks. */
const NOW = new Date('2025-03-28T12:00:00Z');

const executablePath = findChromium();
if (!executablePath)
  console.warn('pilot browser tests skipped: no chromium binary on PATH (apt-get install -y chromium)');

describe.skipIf(!executablePath)('pilot numbers in Chromium', () => {
  let s: AdminServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-pilot-browser-'));
    const directoryFile = path.join(dir, 'directory.json');
    // The directory is written before the server starts; the pilot's askers are p0…p399.
    const groups: Record<string, string[]> = { hr: [], it: [], sales: [] };
    for (let i = 0; i < 400; i += 1) {
      if (i % 5 === 0 || i % 7 === 0) groups['hr']!.push(`p${i}@corp.example`);
      if (i % 3 === 0) groups['it']!.push(`p${i}@corp.example`);
      if (i % 4 === 1) groups['sales']!.push(`p${i}@corp.example`);
    }
    writeFileSync(directoryFile, JSON.stringify({ groups }));
    s = await startAdminServer({ env: { DIRECTORY_FILE: directoryFile }, now: () => NOW });
    const seeded = await seedSyntheticPilot(s.runtime.store.db, {
      questions: 2400,
      from: '2025-01-06',
      weeks: 12,
    });
    expect(seeded).toEqual(groups);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the last 12 weeks with named charts, narrows to a slice and downloads the CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${s.url}/admin/login`);
    await page.getByLabel('E-mail').fill(USERS.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));

    await page.getByRole('link', { name: 'Pilot numbers' }).click();
    await page.getByRole('heading', { name: /Pilot numbers/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Pilot numbers (2025-01-06 to 2025-03-30)',
    );
    const rates = page.getByRole('img', {
      name: 'Deflection and hand-off rate per week (all languages, all groups)',
    });
    const bars = page.getByRole('img', { name: 'Questions per week (all languages, all groups)' });
    for (const chart of [rates, bars]) {
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(100);
    }
    // Twelve bars and twelve weekly points per line, each with its exact value.
    expect(await bars.locator('rect > title').count()).toBe(12);
    expect(await rates.locator('circle > title', { hasText: 'Deflection rate' }).count()).toBe(13); // and the legend's
    expect(await rates.locator('rect > title', { hasText: /^2025-W\d\d .*Hand-off rate/ }).count()).toBe(12);
    expect(await page.locator('.cards .card').first().textContent()).toMatch(/^\s*2400\s+questions/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pilot.png'), fullPage: true });

    await page.getByRole('combobox', { name: /^Language/ }).selectOption('ja');
    await page.getByRole('combobox', { name: /^Group/ }).selectOption('hr');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('language') === 'ja');
    await page.getByRole('img', { name: 'Questions per week (language ja, group hr)' }).waitFor();
    const shown = Number(/\d+/.exec((await page.locator('.cards .card').first().textContent()) ?? '')?.[0]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(2400);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('polydesk-pilot-2025-01-06-2025-03-30.csv');
    const records = parse(readFileSync((await download.path())!, 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const jaHr = records.filter((r) => r.language === 'ja' && r.group === 'hr');
    expect(jaHr.reduce((n, r) => n + Number(r.questions), 0)).toBe(shown);
    const total = records.filter((r) => r.language === 'all' && r.group === 'all');
    expect(total.map((r) => r.week)).toHaveLength(12);
    expect(total.reduce((n, r) => n + Number(r.questions), 0)).toBe(2400);
    await context.close();
  });
});
