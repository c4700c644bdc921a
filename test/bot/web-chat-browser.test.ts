/**
 * The local chat page in a real browser (Debian's Chromium through playwright-core) against a real
 * server on 127.0.0.1 (issue 16, part 6): quoted passages render as quotes naming their document,
 * built from text (hostile markup stays text); 👍/👎 are recorded like Slack's and counted by the
 * insight page; a question over MAX_QUESTION_CHARS stays whole in the box with a localised notice.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, PASSWORD, USERS, addDocument, startAdminServer } from '../admin/admin-harness.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';

/** README's screenshots are refreshed with `UPDATE_SCREENSHOTS=1`; otherwise they go to a temp folder. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
  : mkdtempSync(path.join(tmpdir(), 'polydesk-screenshots-'));

const executablePath = findChromium();
if (!executablePath)
  console.warn('chat page browser tests skipped: no chromium binary on PATH (apt-get install -y chromium)');

const MAX = 300;
const TITLE = 'Badge printer guide';
const URL_OF_DOC = 'https://wiki.corp.example/badge-printer';
const QUESTION = 'How does the badge printer print visitor badges?';

describe.skipIf(!executablePath)('the chat page in Chromium', () => {
  let s: AdminServer;
  let browser: Browser;
  const dialogs: string[] = [];

  /** A signed-in browser on the chat page (WEB_CHAT=on: the admin sign-in comes back to `/`). */
  async function chatPage(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    // A safety net, not a timing: an answer takes well under a second here, more on a busy machine.
    page.setDefaultTimeout(20_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${s.url}/`);
    await page.getByLabel('E-mail').fill(USERS.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${s.url}/`);
    return { context, page };
  }

  async function askOnPage(page: Page, question: string) {
    await page.getByLabel('Your question').fill(question);
    await page.getByRole('button', { name: 'Ask' }).click();
    const reply = page.locator('#log > li.bot').last();
    await reply.locator('.feedback').waitFor();
    return reply;
  }

  const questionCount = async () =>
    Number(
      (
        await s.runtime.store.db
          .selectFrom('questions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    s = await startAdminServer({ env: { WEB_CHAT: 'on', MAX_QUESTION_CHARS: String(MAX) } });
    await addDocument(
      s.runtime,
      'facilities/badges.md',
      `---\ntitle: ${TITLE}\nurl: ${URL_OF_DOC}\n---\n# Badge printer\n\n` +
        'The badge printer prints visitor badges when you press the green button. ' +
        'Ask reception for more badge paper.\n',
    );
    await addDocument(
      s.runtime,
      'facilities/visitor-desk.txt',
      'Visitor desk\n\nThe visitor desk lends umbrellas <img src=x onerror=alert(2)> <script>alert(1)</script> to guests when it rains.\n',
    );
    await addDocument(
      s.runtime,
      'facilities/lockers.md',
      '---\ntitle: Locker room\n---\n# Locker room\n\nThe locker room door code is CONFIDENTIAL and changes every Monday at the front desk.\n',
    );
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('renders quoted passages as quotes that name their document, and hostile markup as text', async () => {
    const { context, page } = await chatPage();
    const reply = await askOnPage(page, QUESTION);
    const quote = reply.locator('.text blockquote').first();
    expect(await quote.textContent()).toContain('press the green button');
    // No raw Markdown quote marker is left in what the reader sees.
    const paragraphs = await reply.locator('.text p').allTextContents();
    expect(paragraphs.filter((p) => p.trimStart().startsWith('>'))).toEqual([]);
    expect(await reply.locator('.text').textContent()).not.toMatch(/\[\d+\]/);

    const cite = quote.locator('a.cite').first();
    expect(await cite.locator('cite').textContent()).toBe(TITLE);
    const target = (await cite.getAttribute('href'))!;
    expect(target).toMatch(/^#src-[0-9a-f-]{36}-1$/);
    const source = reply.locator(`.sources li${target}`);
    expect(await source.getAttribute('value')).toBe('1');
    expect(await source.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(URL_OF_DOC);
    expect(await source.textContent()).toContain('facilities/badges.md');

    const hostile = await askOnPage(page, 'Does the visitor desk lend umbrellas to guests?');
    const quoted = await hostile.locator('.text blockquote').textContent();
    expect(quoted).toContain('<img src=x onerror=alert(2)> <script>alert(1)</script>');
    expect(await hostile.locator('.text blockquote cite').first().textContent()).toBe('Visitor desk');
    expect(await page.locator('#log img, #log script').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('records 👍 then 👎 on an answer as one rating, as Slack does, and the insight page counts it', async () => {
    const { context, page } = await chatPage();
    const reply = await askOnPage(page, 'When do I press the green button on the badge printer?');
    const helpful = reply.getByRole('button', { name: 'Helpful', exact: true });
    const notHelpful = reply.getByRole('button', { name: 'Not helpful', exact: true });

    await helpful.click();
    await reply.getByRole('status').filter({ hasText: 'Thanks for the feedback!' }).waitFor();
    expect(await helpful.getAttribute('aria-pressed')).toBe('true');
    expect(await s.runtime.store.feedback.summary()).toMatchObject({ up: 1, down: 0 });

    await notHelpful.click();
    await reply.locator('button.rate[aria-pressed="true"]', { hasText: 'Not helpful' }).waitFor();
    expect(await helpful.getAttribute('aria-pressed')).toBe('false');
    expect(await s.runtime.store.feedback.summary()).toMatchObject({ up: 0, down: 1 });
    const rows = await s.runtime.store.db.selectFrom('feedback').selectAll().execute();
    expect(rows).toMatchObject([{ rating: 'down', user: USERS.admin, platform: 'web' }]);

    await page.goto(`${s.url}/admin/insight`);
    expect(await page.locator('main').textContent()).toContain('(0 up, 1 down)');
    await context.close();
  });

  it('shows a held answer once a reviewer released it, with its sources and 👍/👎', async () => {
    const { context, page } = await chatPage();
    // The page asks every 10 s whether the answer was released: the test moves the page's clock.
    await page.clock.install();
    await page.reload();
    const question = 'When does the locker room door code change?';
    await page.getByLabel('Your question').fill(question);
    await page.getByRole('button', { name: 'Ask' }).click();
    const reply = page.locator('#log > li.bot').last();
    await reply.locator('.text', { hasText: 'An admin needs to check this answer' }).waitFor();
    expect(await reply.locator('.feedback').count()).toBe(0);

    const { reviews } = await s.admin.reviews.list({ status: 'pending', limit: 50, offset: 0 });
    const held = reviews.find((r) => r.question === question)!;
    expect((await s.admin.reviews.approve(held.id, USERS.reviewer)).outcome).toBe('approved');
    await page.clock.runFor(10_000);
    await reply.locator('.feedback').waitFor();
    expect(await reply.locator('.text blockquote').textContent()).toContain('changes every Monday');
    expect(await reply.locator('.text blockquote cite').first().textContent()).toBe('Locker room');
    expect(await reply.locator('.sources li').textContent()).toBe('Locker room facilities/lockers.md');

    const before = await s.runtime.store.feedback.summary();
    await reply.getByRole('button', { name: 'Helpful', exact: true }).click();
    await reply.getByRole('status').filter({ hasText: 'Thanks for the feedback!' }).waitFor();
    expect((await s.runtime.store.feedback.summary()).up).toBe(before.up + 1);
    await context.close();
  });

  it('keeps a pasted question over the limit whole, with a notice in the page’s language, and sends nothing', async () => {
    const { context, page } = await chatPage('ja-JP');
    const box = page.getByLabel('Your question');
    const notice = page.getByRole('alert');
    expect(await notice.isVisible()).toBe(false);
    const pasted = `${QUESTION} ${'バッジの紙はどこにありますか。'.repeat(25)}`;
    expect(pasted.length).toBeGreaterThan(MAX);
    await box.focus();
    await page.keyboard.insertText(pasted);
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`質問が長すぎます。${MAX}文字以内で入力してください。`);
    expect(await box.inputValue()).toBe(pasted);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-too-long.png') });

    const asked = await questionCount();
    await page.getByRole('button', { name: 'Ask' }).click();
    expect(await notice.isVisible()).toBe(true);
    expect(await box.inputValue()).toBe(pasted);
    expect(await page.locator('#log > li').count()).toBe(0);
    expect(await questionCount()).toBe(asked);

    // Shortened, it goes: the notice leaves and the question is answered.
    await box.fill(QUESTION);
    expect(await notice.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#log > li.bot .feedback').waitFor();
    expect(await questionCount()).toBe(asked + 1);
    await context.close();
  });
});
