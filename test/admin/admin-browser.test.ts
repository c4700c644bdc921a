/**
 * The admin UI in a real browser (Debian's Chromium through playwright-core): a reviewer releases a
 * held Slack answer into its thread, a publisher uploads knowledge that the local chat then answers
 * from, hostile text renders as text, CSRF and roles hold; a Hebrew held answer reads right to left
 * with its quote as a quote. Saves screenshots to docs/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { eventCallback } from '../fakes/slack-events.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness, visibleText } from '../bot/slack-harness.js';
import { direction, firstTextLeft } from '../helpers/bidi-checks.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { type AdminServer, PASSWORD, USERS, addDocument, startAdminServer } from './admin-harness.js';

/** README's screenshots are refreshed with `UPDATE_SCREENSHOTS=1`; otherwise they go to a temp folder. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
  : mkdtempSync(path.join(tmpdir(), 'polydesk-screenshots-'));
const SECRET = 'Tr0ub4dor-Staging-42';
const STAGING_URL = 'https://wiki.corp.example/runbooks/staging';
/** A Hebrew IT document written for these tests; its guest network password is what gets held. */
const WIFI_TITLE = 'רשת Wi-Fi לאורחים';
const WIFI_SECRET = 'Xk9#mQ2v!pL7';

const executablePath = findChromium();
if (!executablePath)
  console.warn('admin browser tests skipped: no chromium binary on PATH (apt-get install -y chromium)');

describe.skipIf(!executablePath)('admin UI in Chromium', () => {
  let s: AdminServer;
  let slack: SlackHarness | undefined;
  let browser: Browser;
  let slackThread: string;
  const dialogs: string[] = [];

  async function session(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${s.url}/admin`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
    return { context, page };
  }

  async function waitForPending(question: string): Promise<string> {
    for (let i = 0; i < 200; i += 1) {
      const { reviews } = await s.admin.reviews.list({ status: 'pending', limit: 50, offset: 0 });
      const found = reviews.find((r) => r.question === question);
      if (found) return found.id;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no held answer for "${question}"`);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    s = await startAdminServer({
      deliveries: (platform) => (platform === 'slack' ? slack?.adapter.delivery : undefined),
    });
    slack = await startSlackHarness({ answers: s.answers, store: s.runtime.store });
    await slack.adapter.start();
    await addDocument(
      s.runtime,
      'runbooks/staging.md',
      `---\nurl: ${STAGING_URL}\n---\n# Staging database\n\nThe staging database password: ${SECRET} is rotated monthly by the platform team.\n`,
    );
    await addDocument(
      s.runtime,
      'facilities/badges.txt',
      'Badge printer\n\nThe badge printer (CONFIDENTIAL) prints visitor badges <img src=x onerror=alert(2)> when you press the green button. <script>alert(1)</script> Ask reception for paper.\n',
    );
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    });

    // Alice asks in a Slack channel; the pipeline holds the answer (it quotes a password).
    const question = 'What is the staging database password?';
    const message = slack.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> ${question}`,
    });
    slackThread = message.ts;
    const response = await slack.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        channel_type: 'channel',
        user: ALICE,
        text: message.text,
        ts: message.ts,
        team: 'T0FAKE',
      }),
    );
    expect(response.status).toBe(200);
    await waitForPending(question);
    // Someone in the local chat asks about the badge printer; that answer is held for its marking.
    const held = await s.answers.ask({
      text: 'How does the badge printer print visitor badges?',
      asker: { email: 'web@local', groups: ['all'] },
      place: { platform: 'web', kind: 'local', readers: [{ email: 'web@local', groups: ['all'] }] },
      history: [],
    });
    expect(held.status).toBe('held');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await slack?.close();
    await s?.close();
  });

  it('lets a reviewer reveal (audited), edit and approve a held Slack answer into its thread', async () => {
    const { context, page } = await session(USERS.reviewer);
    await page.getByRole('heading', { name: 'Held answers' }).waitFor();
    const counts = page.getByRole('list', { name: 'Answers by finding type' });
    expect(await counts.textContent()).toMatch(/password\s*1/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-queue.png'), fullPage: true });

    await page.getByRole('link', { name: 'What is the staging database password?' }).click();
    const answer = page.locator('.answer').first();
    expect(await answer.textContent()).toContain('[hidden password]');
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.locator('.facts').textContent()).toContain('alice@corp.example');
    // Sources by document title, linked as on the knowledge page, numbered as the answer cites them.
    const source = page.locator('.facts ol.sources li');
    expect(await source.count()).toBe(1);
    expect(await source.textContent()).toBe('Staging database runbooks/staging.md');
    expect(await source.getAttribute('value')).toBe('1');
    expect(await source.getByRole('link', { name: 'Staging database' }).getAttribute('href')).toBe(
      STAGING_URL,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-detail.png'), fullPage: true });

    await page.getByRole('button', { name: 'Reveal hidden values' }).click();
    expect(await page.locator('.answer').first().textContent()).toContain(SECRET);
    const reveals = await s.runtime.store.audit.list({ limit: 5, offset: 0, action: 'review.reveal' });
    expect(reveals[0]).toMatchObject({ actor: USERS.reviewer });

    await page.locator('summary', { hasText: 'Edit, then approve' }).click();
    await page
      .getByLabel('Answer to send')
      .fill('Ask the platform team for the staging password; it changes every month.');
    await page.getByRole('button', { name: 'Approve edited answer' }).click();
    await page.waitForURL(/notice=/);
    expect(await page.getByRole('status').textContent()).toContain('Edited answer approved and delivered');
    expect(await page.locator('.status').textContent()).toContain(`edited by ${USERS.reviewer}`);

    const delivered = await slack!.slack.waitFor(() =>
      slack!.slack
        .thread(CHANNEL, slackThread)
        .find(
          (m) =>
            m.botId === FAKE_BOT_ID &&
            visibleText(m).includes('Ask the platform team for the staging password'),
        ),
    );
    expect(delivered.threadTs).toBe(slackThread);
    expect(visibleText(delivered)).not.toContain(SECRET);
    await context.close();
  });

  it('approves a held answer with its credentials masked by default; revealing needs a confirmation', async () => {
    const question = 'Who rotates the staging database password?';
    const message = slack!.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> ${question}`,
    });
    await slack!.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        channel_type: 'channel',
        user: ALICE,
        text: message.text,
        ts: message.ts,
        team: 'T0FAKE',
      }),
    );
    await waitForPending(question);
    const { context, page } = await session(USERS.reviewer);
    await page.getByRole('link', { name: question }).click();
    // Revealing is a separate, confirmed action: the browser refuses it without the checkbox.
    await page.locator('summary', { hasText: 'Approve with credentials revealed' }).click();
    const confirm = page.getByLabel(/I confirm that the asker may receive these credentials unmasked/);
    expect(
      await confirm.evaluate(
        (el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing,
      ),
    ).toBe(true);
    await page.getByRole('button', { name: 'Approve with credentials masked' }).click();
    await page.waitForURL(/notice=/);
    const delivered = await slack!.slack.waitFor(() =>
      slack!.slack
        .thread(CHANNEL, message.ts)
        .find((m) => m.botId === FAKE_BOT_ID && visibleText(m).includes('rotated monthly')),
    );
    expect(visibleText(delivered)).not.toContain(SECRET);
    expect(visibleText(delivered)).toContain('[secret removed]');
    const audit = await s.runtime.store.audit.list({ limit: 5, offset: 0, action: 'review.approve' });
    expect(audit[0]?.details).toMatchObject({ masked: ['password'], revealed: [] });
    await context.close();
  });

  it('shows hostile document and answer text as text, and rejects with a reason', async () => {
    const { context, page } = await session(USERS.reviewer);
    await page.getByRole('link', { name: 'How does the badge printer print visitor badges?' }).click();
    const answer = page.locator('.answer').first();
    expect(await answer.textContent()).toContain('<img src=x onerror=alert(2)>');
    expect(await answer.textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('.answer img, .answer script').count()).toBe(0);
    await page.locator('summary', { hasText: 'Reject' }).click();
    await page.getByLabel('Reason (kept in the review record)').fill('Quotes a confidential document.');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(/notice=/);
    expect(await page.getByRole('status').textContent()).toContain('Rejected');
    expect(await page.locator('.facts').textContent()).toContain('Quotes a confidential document.');
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('refuses a state-changing POST without the CSRF token, even from a signed-in page', async () => {
    const { context, page } = await session(USERS.admin);
    const held = await s.answers.ask({
      text: 'Again: the staging database password?',
      asker: { email: 'cli@local', groups: ['all'] },
      place: { platform: 'cli', kind: 'local', readers: [{ email: 'cli@local', groups: ['all'] }] },
      history: [],
    });
    const id = held.reviewId!;
    const status = await page.evaluate(async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'decision=approve',
      });
      return res.status;
    }, `${s.url}/admin/reviews/${id}/approve`);
    expect(status).toBe(403);
    expect((await s.runtime.store.reviews.get(id))!.status).toBe('pending');
    await context.close();
  });

  it('lets a publisher upload documents (errors per file) that the local chat then answers from', async () => {
    const { context, page } = await session(USERS.publisher);
    expect(page.url()).toContain('/admin/knowledge');
    await page.getByLabel(/^Files/).setInputFiles([
      {
        name: 'coffee.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(
          '---\ntitle: "<script>alert(1)</script> Coffee machine guide"\n---\n\n# Descaling\n\nThe Zephyr coffee machine on floor 7 is descaled every Tuesday morning by the facilities team.\n',
        ),
      },
      { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await page.getByLabel(/^Audience/).fill('all');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const results = page.getByRole('region', { name: 'Upload results' });
    await results.waitFor();
    expect(await results.textContent()).toMatch(/coffee\.md: added/);
    expect(await results.textContent()).toMatch(/setup\.exe: not added — unsupported file type/);
    const row = page.locator('table.list tr', { hasText: 'Coffee machine guide' });
    expect(await row.locator('td').first().textContent()).toBe(
      '<script>alert(1)</script> Coffee machine guide',
    );
    await page.goto(`${s.url}/admin/knowledge`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'knowledge.png'), fullPage: true });

    await page.goto(`${s.url}/`);
    await page.getByLabel('Your question').fill('When is the Zephyr coffee machine descaled?');
    await page.getByRole('button', { name: 'Ask' }).click();
    const reply = page.locator('#log li.bot').last();
    await reply.locator('.sources').waitFor();
    expect(await reply.textContent()).toContain('every Tuesday morning');
    expect(await reply.textContent()).toContain('Coffee machine guide');
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('keeps a reviewer away from publisher actions', async () => {
    const { context, page } = await session(USERS.reviewer);
    const response = await page.goto(`${s.url}/admin/knowledge`);
    expect(response!.status()).toBe(403);
    expect(await page.locator('main').textContent()).toContain('does not include knowledge');
    const csrf = await page.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    }, `${s.url}/admin/reviews`);
    const status = await page.evaluate(
      async ({ url, csrf }) => {
        const form = new FormData();
        form.append('_csrf', csrf);
        form.append('files', new Blob(['# Hi\n\nhello\n']), 'hi.md');
        return (await fetch(url, { method: 'POST', body: form })).status;
      },
      { url: `${s.url}/admin/knowledge/upload`, csrf },
    );
    expect(status).toBe(403);
    await context.close();
  });

  it('shows an admin the insight page and the audit log, filterable', async () => {
    const { context, page } = await session(USERS.admin);
    const web = { email: 'web@local', groups: ['all'] };
    const ask = (text: string) =>
      s.answers.ask({
        text,
        asker: web,
        place: { platform: 'web', kind: 'local', readers: [web] },
        history: [],
      });
    for (const text of [
      'How do I book a parking space?',
      'how can I book a parking space',
      'Where is the parking space booking?',
      'Is there a gym discount for employees?',
    ]) {
      expect((await ask(text)).status).toBe('not_found');
    }
    const coffee = await ask('Who descales the coffee machine?');
    await s.runtime.store.feedback.record({
      questionId: coffee.questionId,
      rating: 'down',
      user: 'web@local',
      platform: 'web',
      comment: 'It was Wednesday this week',
    });
    const again = await ask('When is the Zephyr coffee machine descaled?');
    await s.runtime.store.feedback.record({
      questionId: again.questionId,
      rating: 'up',
      user: 'web@local',
      platform: 'web',
    });
    await page.goto(`${s.url}/admin/insight`);
    const main = await page.locator('main').textContent();
    expect(main).toContain('Is there a gym discount for employees?');
    expect(main).toMatch(/3×\s*[^\n]*parking space/i);
    expect(main).toContain('It was Wednesday this week');
    expect(main).toContain('1 up, 1 down');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'insight.png'), fullPage: true });
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('review.reveal');
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.locator('table.list tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(USERS.reviewer);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'audit-log.png'), fullPage: true });
    await context.close();
  });

  it('shows a Hebrew held answer right to left, its quote as a quote and its citation isolated', async () => {
    await addDocument(
      s.runtime,
      'it/guest-wifi-he.md',
      `---\ntitle: ${WIFI_TITLE}\n---\n# רשת האורחים\n\n` +
        `רשת האורחים נקראת Guest-5G. סיסמה: ${WIFI_SECRET} והיא מתחלפת בכל חודש.\n`,
    );
    const question = 'איך נקראת רשת האורחים?';
    const web = { email: 'web@local', groups: ['all'] };
    const held = await s.answers.ask({
      text: question,
      asker: web,
      place: { platform: 'web', kind: 'local', readers: [web] },
      history: [],
    });
    expect(held.status).toBe('held');
    const { context, page } = await session(USERS.reviewer);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    const link = page.getByRole('link', { name: question });
    expect(await direction(link)).toBe('rtl');
    await link.click();

    expect(await direction(page.locator('.facts .question'))).toBe('rtl');
    const answer = page.locator('.answer').first();
    expect(await direction(answer)).toBe('rtl');
    expect(await answer.locator('p').first().textContent()).toBe('זה מה שמצאתי במסמכים שלנו:');
    // The extractive answer's "> " lines are one blockquote, their markers gone, their text escaped text.
    expect(await answer.locator('blockquote').count()).toBe(1);
    const quoted = answer.locator('blockquote p');
    expect(await quoted.allTextContents()).toEqual([
      'רשת האורחים נקראת Guest-5G. [1]',
      'סיסמה: [hidden password] והיא מתחלפת בכל חודש. [1]',
    ]);
    expect(await direction(quoted.first())).toBe('rtl');
    expect(await answer.innerHTML()).not.toContain('&gt;');
    expect(await page.content()).not.toContain(WIFI_SECRET);
    // The English mask keeps its brackets and its place inside the Hebrew sentence.
    expect(await direction(quoted.nth(1).locator('mark.finding'))).toBe('ltr');
    // [1] stays one isolated piece at the end of its sentence: on the left of a right-to-left line.
    const cite = quoted.first().locator('bdi.cite');
    expect(await cite.textContent()).toBe('[1]');
    const marker = (await cite.boundingBox())!;
    expect(marker.x + marker.width).toBeLessThanOrEqual((await firstTextLeft(quoted.first())) + 1);
    expect(await direction(page.locator('.facts ol.sources li bdi').first())).toBe('rtl');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hebrew-held-answer.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
