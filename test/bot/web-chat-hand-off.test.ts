/**
 * "Ask a person" on the chat page (issue 17): over real HTTP, the page's asker hands off one of
 * their own answers (a second press finds the first; someone else's question or a bad body is
 * refused), the expert's reply from the Slack expert channel is read back checked for the asker;
 * in Chromium, the button under an answer, and the reply shown when the asker comes back, in a
 * Hebrew (right-to-left) page with an English reply bubble laid out in its own direction.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/core/i18n.js';
import { FAKE_BOT_ID } from '../fakes/slack-server.js';
import { direction } from '../helpers/bidi-checks.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { type HandOffServer, startHandOffServer } from './hand-off-harness.js';

const HELP = 'C0HELP';
const ERIN = 'UERIN';
const executablePath = findChromium();

describe('Ask a person on the chat page', () => {
  let h: HandOffServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (executablePath) browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    h = await startHandOffServer({
      routes: [{ name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: HELP } }],
      directory: {},
      users: { [ERIN]: { email: 'erin@corp.example', locale: 'en-US' } },
      channels: { [HELP]: [ERIN] },
      documents: {
        'it/vpn.md':
          '---\ntitle: VPN setup guide\n---\n# VPN\n\nInstall the GlobalConnect client to connect to the VPN.\n',
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const ask = async (question: string) => {
    const response = await fetch(`${h.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    const events = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as {
            type: string;
            answer?: { questionId: string; status: string; handOff?: boolean };
          },
      );
    return events.find((e) => e.type === 'done')!.answer!;
  };
  const escalate = (body: unknown) =>
    fetch(`${h.url}/api/chat/escalate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const handOffPosts = () =>
    h.slack.messages.filter((m) => m.channel === HELP && m.botId === FAKE_BOT_ID && !m.threadTs);
  const expertReply = async (text: string) => {
    const root = handOffPosts().at(-1)!;
    await h.message({ channel: HELP, user: ERIN, text, threadTs: root.ts });
  };

  it('hands off the asker’s own answer once, and reads the expert’s reply back for them', async () => {
    const answer = await ask('How do I connect to the VPN?');
    expect(answer).toMatchObject({ status: 'answered', handOff: true });

    const first = await escalate({ questionId: answer.questionId });
    expect(await first.json()).toEqual({ questionId: answer.questionId, status: 'sent' });
    const again = await escalate({ questionId: answer.questionId });
    expect(await again.json()).toMatchObject({ status: 'already' });
    expect(handOffPosts()).toHaveLength(1);
    expect(handOffPosts()[0]!.text).toContain(t('en', 'handoff.title'));

    for (const body of [{}, { questionId: 7 }, '{"questionId": ']) {
      const refused = await fetch(`${h.url}/api/chat/escalate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(refused.status).toBe(400);
    }
    // A question asked elsewhere (Slack) is not the page's to hand off.
    const slackQuestion = await h.runtime.answers.ask({
      text: 'How do I connect to the VPN?',
      asker: { email: 'web@local', groups: ['all'] },
      place: { platform: 'slack', kind: 'dm', readers: [{ email: 'web@local', groups: ['all'] }] },
      history: [],
    });
    expect((await escalate({ questionId: slackQuestion.questionId })).status).toBe(404);
    expect((await escalate({ questionId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);

    await expertReply('The client is in the Software Center; restart after installing it.');
    const listed = (await (await fetch(`${h.url}/api/chat/handoffs`)).json()) as {
      handOffs: {
        questionId: string;
        question: string;
        status: string;
        replies: { status: string; text: string }[];
      }[];
    };
    expect(listed.handOffs).toMatchObject([
      {
        questionId: answer.questionId,
        question: 'How do I connect to the VPN?',
        status: 'open',
        // Each reply carries its platform id: the page keeps one bubble per reply by it.
        replies: [
          { id: expect.any(String), status: 'relayed', text: expect.stringContaining('Software Center') },
        ],
      },
    ]);
    expect(listed.handOffs[0]!.replies[0]!.text).toContain('Helpdesk replied to your question:');
  });

  it('hands off only the asker’s own questions', async () => {
    const someoneElses = await h.runtime.answers.ask({
      text: 'How do I connect to the VPN?',
      asker: { email: 'other@corp.example', groups: ['all'] },
      place: { platform: 'web', kind: 'local', readers: [{ email: 'other@corp.example', groups: ['all'] }] },
      history: [],
    });
    const posts = handOffPosts().length;
    expect((await escalate({ questionId: someoneElses.questionId })).status).toBe(404);
    expect(handOffPosts()).toHaveLength(posts);
  });

  it('shows a held reply once a reviewer released it, and says so when a reviewer kept one back', async () => {
    const answer = await ask('Where do I find the guest Wi-Fi password?');
    expect((await escalate({ questionId: answer.questionId })).status).toBe(200);
    await expertReply('The guest Wi-Fi password is Kx9#mQ2$vL7!pR4z, it is also at reception.');
    await expertReply('Or ask reception for a voucher: password Zq8!nB3$wT6#yH1k');
    const replies = async () => {
      const listed = (await (await fetch(`${h.url}/api/chat/handoffs`)).json()) as {
        handOffs: { questionId: string; replies: { status: string; text: string }[] }[];
      };
      return listed.handOffs.find((o) => o.questionId === answer.questionId)!.replies;
    };
    await vi.waitFor(async () =>
      expect(await replies()).toEqual([
        { id: expect.any(String), status: 'held', text: t('en', 'held'), at: expect.any(String) },
        { id: expect.any(String), status: 'held', text: t('en', 'held'), at: expect.any(String) },
      ]),
    );
    const pending = (await h.runtime.store.reviews.list({ status: 'pending', limit: 50, offset: 0 })).filter(
      (r) => r.questionId === answer.questionId,
    );
    const first = pending.find((r) => r.originalText.includes('at reception'))!;
    const second = pending.find((r) => r.originalText.includes('voucher'))!;
    await h.adapters.reviews.approve(first.id, 'reviewer@corp.example');
    await h.adapters.reviews.reject(second.id, 'reviewer@corp.example', 'use the voucher desk instead');
    const decided = await replies();
    expect(decided).toMatchObject([
      { status: 'relayed', text: expect.stringContaining('it is also at reception') },
      { status: 'rejected', text: t('en', 'rejected') },
    ]);
    // Released as its reviewer approved it: the password masked.
    expect(decided[0]!.text).not.toContain('Kx9#mQ2$vL7!pR4z');
  });

  describe.skipIf(!executablePath)('in Chromium', () => {
    it('offers "Ask a person" under an answer and shows the reply when the asker comes back, each bubble in its own direction', async () => {
      const context = await browser!.newContext({ locale: 'he-IL' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${h.url}/`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.locator('#q').fill('Where do I download the VPN client?');
      await page.locator('form button[type=submit]').click();
      const button = page.getByRole('button', { name: t('he', 'handoff.ask') });
      await button.click();
      await page.getByText(t('he', 'handoff.sent')).waitFor();
      expect(await direction(page.locator('.handoff').last())).toBe('rtl');

      await expertReply('Download it from the Software Center, under Network tools.');
      // The asker comes back: the page reads their hand-offs when it opens.
      await page.reload();
      const reply = page.locator('#log > li.bot.reply').last();
      await reply.getByText('Network tools').waitFor();
      // An English reply on a Hebrew page reads left to right, where the page puts PolyDesk's bubbles.
      expect(await direction(reply)).toBe('ltr');
      expect(await page.locator('#log > li.user').last().textContent()).toBe(
        'Where do I download the VPN client?',
      );
      await context.close();
    });
  });
});
