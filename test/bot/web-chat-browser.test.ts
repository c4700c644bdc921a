/**
 * The local chat page in a real browser (Debian's Chromium through playwright-core) against a real
 * server on 127.0.0.1 (issue 16, part 6): quoted passages render as quotes naming their document,
 * built from text (hostile markup stays text); 👍/👎 are recorded like Slack's and counted by the
 * insight page; a question over MAX_QUESTION_CHARS stays whole in the box with a localised notice;
 * a Hebrew page is laid out right to left, each bubble in its own text's direction.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import { type AdminServer, PASSWORD, USERS, addDocument, startAdminServer } from '../admin/admin-harness.js';
import { direction, firstTextLeft, unicodeBidi } from '../helpers/bidi-checks.js';
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
/** Hebrew HR and IT documents written for these tests; a title ending in a number and one with a Latin word. */
const LEAVE_TITLE = 'מדיניות חופשה 2025';
const VPN_TITLE = 'חיבור VPN מהבית';

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

  /** Asks through the page's own box and button, named in the page's language. */
  async function askOnPage(page: Page, question: string, language = 'en') {
    await page.getByLabel(t(language, 'page.question'), { exact: true }).fill(question);
    await page.getByRole('button', { name: t(language, 'page.ask'), exact: true }).click();
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
    await addDocument(
      s.runtime,
      'hr/leave-he.md',
      `---\ntitle: ${LEAVE_TITLE}\n---\n# חופשה שנתית\n\n` +
        'כל עובד במשרה מלאה זכאי ל-22 ימי חופשה בשנה. בקשת חופשה מגישים במערכת HR Portal לפחות שבועיים מראש.\n\n' +
        'ימי מחלה אינם נספרים כחופשה.\n',
    );
    await addDocument(
      s.runtime,
      'it/vpn-he.md',
      `---\ntitle: ${VPN_TITLE}\n---\n# חיבור מרחוק\n\n` +
        'כדי להתחבר ל-VPN מהבית מתקינים את "GlobalProtect 6.1" ומתחברים לשרת vpn.corp.example עם שם המשתמש של החברה.\n',
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

  it('summarises a cited document when its Summarise button is pressed', async () => {
    const { context, page } = await chatPage();
    const reply = await askOnPage(page, QUESTION);
    await reply.locator('.sources li', { hasText: TITLE }).getByRole('button', { name: 'Summarise' }).click();
    const summary = page.locator('#log > li.bot').last();
    await summary.locator('.text', { hasText: `Summary of “${TITLE}”` }).waitFor();
    expect(await summary.locator('.text').textContent()).toContain('press the green button');
    expect(await summary.locator('.sources li .source').allTextContents()).toEqual(['facilities/badges.md']);
    // A summary's sources are its document's sections: no Summarise button under them.
    expect(await summary.locator('.sources button.summarise').count()).toBe(0);
    expect(await page.locator('#log > li.user').last().textContent()).toBe(`Summarise: ${TITLE}`);
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
    expect(await reply.locator('.sources li').textContent()).toBe(
      'Locker room facilities/lockers.md Summarise',
    );

    const before = await s.runtime.store.feedback.summary();
    await reply.getByRole('button', { name: 'Helpful', exact: true }).click();
    await reply.getByRole('status').filter({ hasText: 'Thanks for the feedback!' }).waitFor();
    expect((await s.runtime.store.feedback.summary()).up).toBe(before.up + 1);
    await context.close();
  });

  it('keeps a pasted question over the limit whole, with a notice in the page’s language, and sends nothing', async () => {
    const { context, page } = await chatPage('ja-JP');
    // The page's own words are Japanese too.
    const box = page.getByLabel('質問', { exact: true });
    const ask = page.getByRole('button', { name: '質問する', exact: true });
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
    await ask.click();
    expect(await notice.isVisible()).toBe(true);
    expect(await box.inputValue()).toBe(pasted);
    expect(await page.locator('#log > li').count()).toBe(0);
    expect(await questionCount()).toBe(asked);

    // Shortened, it goes: the notice leaves and the question is answered.
    await box.fill(QUESTION);
    expect(await notice.isVisible()).toBe(false);
    await ask.click();
    await page.locator('#log > li.bot .feedback').waitFor();
    expect(await questionCount()).toBe(asked + 1);
    await context.close();
  });

  it('lays out a Hebrew page right to left, each bubble in its own direction, citations isolated', async () => {
    const { context, page } = await chatPage('he-IL');
    const html = page.locator('html');
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('he');

    // The page's own words are Hebrew, and right to left with it.
    expect(await page.locator('header p').textContent()).toBe(t('he', 'page.intro'));
    expect(await direction(page.locator('header p'))).toBe('rtl');
    // The empty box's hint follows the page; what is typed takes its own direction.
    const box = page.getByLabel(t('he', 'page.question'), { exact: true });
    expect(await direction(box)).toBe('rtl');
    await box.fill(QUESTION);
    expect(await direction(box)).toBe('ltr');
    await box.fill('');
    const leave = await askOnPage(page, 'כמה ימי חופשה בשנה?', 'he');
    const asked = page.locator('#log > li.user').last();
    expect(await direction(asked)).toBe('rtl');
    expect(await direction(leave)).toBe('rtl');
    expect(await leave.locator('.text').textContent()).toContain('זכאי ל-22 ימי חופשה בשנה');
    // The product's own words in Hebrew, from src/core/i18n.ts: the page's language all through.
    expect(await leave.locator('.text > p').first().textContent()).toBe('זה מה שמצאתי במסמכים שלנו:');

    // The citation is a chip of its own: isolated from the Hebrew around it, its title in its own
    // direction, and at the end of the sentence it cites — on the left of a right-to-left line.
    const quote = leave.locator('.text blockquote p').first();
    const cite = quote.locator('a.cite');
    expect(await unicodeBidi(cite)).toBe('isolate');
    expect(await cite.locator('cite').textContent()).toBe(LEAVE_TITLE);
    expect(await direction(cite.locator('cite'))).toBe('rtl');
    const chip = (await cite.boundingBox())!;
    expect(chip.x + chip.width).toBeLessThanOrEqual((await firstTextLeft(quote)) + 1);
    // The sources and 👍/👎 are the page's words, in the page's direction.
    expect(await direction(leave.locator('.sources'))).toBe('rtl');
    expect(await leave.locator('.sources bdi.source').textContent()).toBe('hr/leave-he.md');

    const vpn = await askOnPage(page, 'איך מתחברים ל-VPN מהבית?', 'he');
    expect(await vpn.locator('.text blockquote').textContent()).toContain('"GlobalProtect 6.1"');
    expect(await vpn.locator('a.cite cite').textContent()).toBe(VPN_TITLE);

    // An English question and its answer on the same page run left to right, on the same sides.
    const english = await askOnPage(page, QUESTION, 'he');
    const englishAsked = page.locator('#log > li.user').last();
    expect(await direction(englishAsked)).toBe('ltr');
    expect(await direction(english)).toBe('ltr');
    expect(await direction(english.locator('.feedback'))).toBe('rtl');
    const [hebrewBox, englishBox] = [(await asked.boundingBox())!, (await englishAsked.boundingBox())!];
    expect(Math.abs(hebrewBox.x - englishBox.x)).toBeLessThan(1);
    const [leaveBox, englishReplyBox] = [(await leave.boundingBox())!, (await english.boundingBox())!];
    expect(Math.abs(leaveBox.x + leaveBox.width - (englishReplyBox.x + englishReplyBox.width))).toBeLessThan(
      1,
    );
    // In a right-to-left page the questions sit on the left, the answers start on the right.
    expect(hebrewBox.x).toBeLessThan(leaveBox.x);
    // Tall enough for the whole conversation, so that the sticky question box covers no answer.
    await page.setViewportSize({ width: 1100, height: 1260 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hebrew-chat.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('keeps an English page left to right, with a Hebrew question and answer right to left inside it', async () => {
    const { context, page } = await chatPage('en-US');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    const reply = await askOnPage(page, 'מתי מגישים בקשת חופשה?');
    const asked = page.locator('#log > li.user').last();
    expect(await direction(asked)).toBe('rtl');
    expect(await direction(reply)).toBe('rtl');
    expect(await direction(reply.locator('.text blockquote p').first())).toBe('rtl');
    // What the page itself says stays English and left to right inside the Hebrew answer.
    expect(await direction(reply.locator('.feedback'))).toBe('ltr');
    expect(await reply.locator('.feedback').getAttribute('lang')).toBe('en');
    // The question keeps the asker's side of an English page (the right), whatever its own direction.
    const [log, question] = [(await page.locator('#log').boundingBox())!, (await asked.boundingBox())!];
    expect(Math.abs(log.x + log.width - (question.x + question.width))).toBeLessThan(1);
    expect(question.x).toBeGreaterThan(log.x + 50);
    await context.close();
  });
});
