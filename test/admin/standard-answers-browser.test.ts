/**
 * The "Standard answers" page in a real browser: a publisher creates one through the form, sees it
 * listed with its review date highlighted as overdue, edits it and retires it. Saves
 * docs/screenshots/standard-answers.png with UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { type AdminServer, PASSWORD, USERS, startAdminServer } from './admin-harness.js';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
  : mkdtempSync(path.join(tmpdir(), 'polydesk-screenshots-'));
const executablePath = findChromium();

describe.skipIf(!executablePath)('the Standard answers page in Chromium', () => {
  let s: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    s = await startAdminServer();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    // One answered a few times already, so the list shows uses.
    const used = await s.runtime.standardAnswers.create({
      question: 'How many days of annual leave do I get?',
      answer: '10 days after six months, then one more each year up to 20.',
      title: 'Annual leave entitlement',
      team: 'HR',
      audience: ['all'],
      languages: ['en'],
      reviewAt: '2027-04-01',
      origin: 'expert',
      createdBy: USERS.publisher,
    });
    for (const text of ['how much PTO do I have?', 'vacation days per year?']) {
      const id = await s.runtime.store.questions.create({
        text,
        asker: { email: 'hana@corp.example', groups: ['all'] },
        place: { platform: 'web', kind: 'local', readers: [] },
        history: [],
      });
      await s.runtime.store.standardAnswers.recordUse({ questionId: id, standardId: used.id, score: 0.8 });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('creates through the form, highlights an overdue review, edits and retires', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${s.url}/admin`);
    await page.getByLabel('E-mail').fill(USERS.publisher);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));

    await page.getByRole('link', { name: 'Standard answers' }).click();
    await page.waitForURL('**/admin/standard-answers');
    await page.getByLabel(/^Question/).fill('How do I reset my VPN password?');
    await page.getByLabel(/^Other wordings/).fill('VPNのパスワードを忘れました\nVPN密码忘了怎么办');
    await page.getByLabel(/^Answer/).fill('Open https://id.corp.example and choose "Forgot password".');
    await page.getByLabel(/^Title/).fill('Resetting the VPN password');
    await page.getByLabel(/^Team/).fill('IT');
    await page.getByLabel(/^Review by/).fill('2026-01-15');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/admin/standard-answers?notice=standard_created');
    expect(await page.getByRole('status').textContent()).toMatch(/Standard answer created/);

    const row = page.locator('tr', { hasText: 'Resetting the VPN password' });
    expect(await row.getAttribute('class')).toBe('overdue');
    expect(await row.locator('.overdue-badge').isVisible()).toBe(true);
    const background = await row.evaluate(
      (el) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(el).backgroundColor,
    );
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const used = page.locator('tr', { hasText: 'Annual leave entitlement' });
    expect(await used.getAttribute('class')).toBeNull();
    expect(await used.locator('td.num').textContent()).toBe('2');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'standard-answers.png'), fullPage: true });

    await row.getByRole('link', { name: 'Resetting the VPN password' }).click();
    await page.getByLabel(/^Review by/).fill('2099-12-31');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/admin/standard-answers?notice=standard_saved');
    expect(
      await page.locator('tr', { hasText: 'Resetting the VPN password' }).getAttribute('class'),
    ).toBeNull();

    await page.getByRole('button', { name: 'Retire Resetting the VPN password' }).click();
    await page.waitForURL('**/admin/standard-answers?notice=standard_retired');
    expect(await page.locator('tr', { hasText: 'Resetting the VPN password' }).count()).toBe(0);
    await context.close();
  });
});
