/**
 * "Ask a person" on Slack (issue 17), over real HTTP between PolyDesk and the fake Slack Web API,
 * with the real pipeline, guardrails and standard answers: escalate → the expert channel's message →
 * an expert's reply relayed into the asker's conversation (once, whatever Slack retries) → "Resolved"
 * records the time → "Save as standard answer" → the same question in other words, in Japanese,
 * Chinese and English, gets that answer; an unrelated one does not. And what the experts may read:
 * an answer drawn from a document some of them may not see is not shown to them, and a reply the
 * guard holds does not reach the asker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVE_STANDARD_SHORTCUT } from '../../src/bot/slack/slack-adapter.js';
import { t } from '../../src/core/i18n.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { blockAction, eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, type FakeMessage } from '../fakes/slack-server.js';
import { type HandOffServer, findAction, messageShortcut, startHandOffServer } from './hand-off-harness.js';
import { startSlackHarness, visibleText } from './slack-harness.js';

const KENJI = 'UKENJI';
const ALICE = 'UALICE';
const BOB = 'UBOB';
const ERIN = 'UERIN';
const HARU = 'UHARU';
const HELP = 'C0HELP';
const HR_EXPERTS = 'C0HREXPERTS';
const DM = { kenji: 'D0KENJI', alice: 'D0ALICE', bob: 'D0BOB' };

const REPLY =
  'Employees can take up to 16 weeks of parental leave (育児休業). Apply in Workday at least four weeks before it starts.';

describe('Ask a person on Slack', () => {
  let h: HandOffServer;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: {
        routes: [
          {
            name: 'hr',
            team: 'HR',
            match: { sources: ['hr/'] },
            slack: { channel: HR_EXPERTS, mention: '<!subteam^S0HRONCALL>' },
          },
          { name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: HELP, mention: '<!here>' } },
        ],
      },
      directory: { hr: ['alice@corp.example', 'haru@corp.example'], it: ['bob@corp.example'] },
      users: {
        [KENJI]: { email: 'kenji@corp.example', locale: 'ja-JP' },
        [ALICE]: { email: 'alice@corp.example', locale: 'en-US' },
        [BOB]: { email: 'bob@corp.example', locale: 'en-GB' },
        [ERIN]: { email: 'erin@corp.example', locale: 'en-US' },
        [HARU]: { email: 'haru@corp.example', locale: 'ja-JP' },
      },
      // Bob (IT) reads the HR experts' channel too: what only HR may read is not shown there.
      channels: { [HELP]: [ERIN, BOB], [HR_EXPERTS]: [HARU, BOB] },
      documents: {
        'it/vpn.md':
          '---\ntitle: VPN setup guide\n---\n# VPN\n\nTo connect to the VPN, install the GlobalConnect client and sign in with your company account.\n',
        'hr/leave.md':
          '---\ntitle: Paid leave policy\n---\n# Paid leave\n\nEvery employee gets 25 days of paid leave per year. Unused days can be carried over until March.\n',
        // Internal, but for HR only: no leakage scan covers it, only who may read it.
        'hr/relocation.md': {
          text: '---\ntitle: Relocation handbook\n---\n# Relocation\n\nThe relocation allowance for moves between offices is 4800 euros, paid with the first salary.\n',
          audience: ['hr'],
        },
        'hr/salary-bands.md': {
          text: '---\ntitle: Salary bands 2027\n---\n# Salary bands\n\nThe salary band for senior engineers goes from 90000 to 120000 euros per year.\n',
          audience: ['hr'],
          classification: 'confidential',
        },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const botMessages = (channel: string) =>
    h.slack.messages.filter((m) => m.channel === channel && m.botId === FAKE_BOT_ID && !m.deleted);

  /** Asks in a DM and returns PolyDesk's final answer message (the one with buttons). */
  async function ask(user: string, dm: string, text: string): Promise<FakeMessage> {
    const before = botMessages(dm).length;
    await h.message({ channel: dm, user, text, dm: true });
    return h.slack.waitFor(() =>
      botMessages(dm)
        .slice(before)
        .find((m) => !m.streaming && findAction(m.blocks, 'polydesk_feedback') !== undefined),
    );
  }

  /** Presses "Ask a person" under an answer; the hand-off message it posted in `channel`. */
  async function escalate(
    user: string,
    dm: string,
    answer: FakeMessage,
    channel: string,
  ): Promise<FakeMessage> {
    const before = botMessages(channel).length;
    const button = findAction(answer.blocks, 'polydesk_escalate');
    expect(button, 'an "Ask a person" button under the answer').toBeDefined();
    const responseUrl = h.slack.responseUrl(dm, user);
    await h.send(blockAction({ user, channel: dm, action: button!, messageTs: answer.ts, responseUrl }));
    return h.slack.waitFor(() => botMessages(channel)[before]);
  }

  it('hands a question to the expert channel, relays the reply once, resolves it, and saves it as a standard answer that other wordings get', async () => {
    const question = '育児休業は何週間取れますか？';
    const answer = await ask(KENJI, DM.kenji, question);
    expect(visibleText(answer)).toContain(t('ja', 'notFound'));
    // Under a not-found: "Ask a person", in the asker's language.
    expect(findAction(answer.blocks, 'polydesk_escalate')).toMatchObject({
      text: { text: '担当者に質問する' },
    });

    // "Tell me when it's answered": the asker waits for an answer to their question.
    const subscribe = findAction(answer.blocks, 'polydesk_subscribe');
    expect(subscribe).toMatchObject({ text: { text: t('ja', 'handoff.subscribe') } });
    await h.send(
      blockAction({
        user: KENJI,
        channel: DM.kenji,
        action: subscribe!,
        messageTs: answer.ts,
        responseUrl: h.slack.responseUrl(DM.kenji, KENJI),
      }),
    );
    const waiting = await h.slack.waitFor(() => h.slack.ephemerals.find((e) => e.user === KENJI));
    expect(waiting.text).toBe(t('ja', 'handoff.subscribed'));
    const questionId = subscribe!['value'] as string;
    expect(await h.runtime.store.db.selectFrom('answer_subscriptions').selectAll().execute()).toMatchObject([
      { question_id: questionId, asker: 'kenji@corp.example' },
    ]);

    const handOff = await escalate(KENJI, DM.kenji, answer, HELP);
    const told = await h.slack.waitFor(() => h.slack.ephemerals.filter((e) => e.user === KENJI)[1]);
    expect(told.text).toBe(t('ja', 'handoff.sent'));
    // The question, the asker's language, what PolyDesk answered, the on-call mention, "Resolved".
    expect(handOff.text).toContain('<!here>');
    const shown = visibleText(handOff);
    expect(shown).toContain(question);
    expect(shown).toContain('Japanese (ja)');
    expect(shown).toContain(t('en', 'handoff.notFound'));
    expect(findAction(handOff.blocks, 'polydesk_resolve')).toMatchObject({ text: { text: 'Resolved' } });
    const escalation = (await h.runtime.store.escalations.byThread('slack', HELP, handOff.ts))!;
    expect(escalation).toMatchObject({
      route: 'helpdesk',
      status: 'open',
      requestedBy: 'kenji@corp.example',
    });

    // Pressing it again hands nothing off twice.
    await h.send(
      blockAction({
        user: KENJI,
        channel: DM.kenji,
        action: findAction(answer.blocks, 'polydesk_escalate')!,
        messageTs: answer.ts,
        responseUrl: h.slack.responseUrl(DM.kenji, KENJI),
      }),
    );
    await h.slack.waitFor(() => h.slack.ephemerals.filter((e) => e.user === KENJI).length === 3);
    expect(h.slack.ephemerals.filter((e) => e.user === KENJI)[2]!.text).toBe(t('ja', 'handoff.already'));
    expect(botMessages(HELP)).toHaveLength(1);

    // The expert replies in the thread: the asker gets it in their DM, saying who replied.
    const inDm = botMessages(DM.kenji).length;
    const reply = await h.message({ channel: HELP, user: ERIN, text: REPLY, threadTs: handOff.ts });
    expect(reply.response.status).toBe(200);
    const relayed = await h.slack.waitFor(() => botMessages(DM.kenji)[inDm]);
    expect(visibleText(relayed)).toContain('Helpdeskからご質問への返信です');
    expect(visibleText(relayed)).toContain('16 weeks of parental leave');
    // PolyDesk does not answer the expert's reply as a question of its own.
    expect(botMessages(HELP)).toHaveLength(1);

    // Slack delivers the event again: the reply is not relayed a second time.
    const retried = await h.message({
      channel: HELP,
      user: ERIN,
      text: REPLY,
      threadTs: handOff.ts,
      ts: reply.ts,
      eventId: reply.eventId,
      retryNum: 1,
    });
    expect(retried.response.status).toBe(200);
    expect(botMessages(DM.kenji)).toHaveLength(inDm + 1);
    expect(await h.runtime.store.escalations.replies(escalation.id)).toMatchObject([
      { replyId: reply.ts, author: 'erin@corp.example', verdictAction: 'allow' },
    ]);

    // "Resolved": the time to resolution is recorded, and the message says so instead of the button.
    await h.send(
      blockAction({
        user: ERIN,
        channel: HELP,
        action: findAction(handOff.blocks, 'polydesk_resolve')!,
        messageTs: handOff.ts,
      }),
    );
    await h.slack.waitFor(() => findAction(handOff.blocks, 'polydesk_resolve') === undefined);
    expect(visibleText(handOff)).toContain(t('en', 'handoff.resolved'));
    const resolved = (await h.runtime.store.escalations.get(escalation.id))!;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'erin@corp.example' });
    expect(Date.parse(resolved.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(resolved.createdAt));
    const metrics = await h.runtime.metrics.registry!.metrics();
    expect(metrics).toContain('polydesk_handoffs_total{route="helpdesk",platform="slack"} 1');
    expect(metrics).toContain('polydesk_handoff_resolutions_total{route="helpdesk"} 1');
    expect(metrics).toContain('polydesk_handoff_resolution_seconds_count{route="helpdesk"} 1');

    // "Save as standard answer" on the expert's reply.
    const responseUrl = h.slack.responseUrl(HELP, ERIN);
    await h.send(
      messageShortcut({
        callbackId: SAVE_STANDARD_SHORTCUT,
        user: ERIN,
        channel: HELP,
        message: { ts: reply.ts, thread_ts: handOff.ts, text: REPLY, user: ERIN },
        responseUrl,
      }),
    );
    const saved = await h.slack.waitFor(() => h.slack.ephemerals.find((e) => e.user === ERIN));
    expect(saved.text).toBe(t('en', 'handoff.saved'));
    const standards = await h.runtime.standardAnswers.list();
    expect(standards).toHaveLength(1);
    const standard = (await h.runtime.standardAnswers.get(standards[0]!.id))!;
    expect(standard).toMatchObject({
      question,
      answer: REPLY,
      team: 'Helpdesk',
      origin: 'expert',
      originRef: escalation.id,
    });
    expect((await h.runtime.store.escalations.get(escalation.id))!.standardId).toBe(standard.id);

    // The same question in other words and languages gets the expert's answer; an unrelated one does not.
    const asked = async (text: string, locale: string) => {
      const asker = h.runtime.directory.resolve('mei@corp.example', locale);
      const q: IncomingQuestion = {
        text,
        asker,
        place: { platform: 'slack', kind: 'dm', readers: [asker] },
        history: [],
      };
      return h.runtime.answers.ask(q);
    };
    for (const [text, locale] of [
      ['育休は最大で何週間もらえますか？', 'ja-JP'],
      ['育儿假可以休几周？', 'zh-CN'],
      ['How long is parental leave?', 'en-US'],
    ] as const) {
      const result = await asked(text, locale);
      expect(result.standard?.id, text).toBe(standard.id);
      expect(result.answer).toContain('16 weeks');
    }
    expect((await asked('How do I connect to the VPN?', 'en-US')).standard).toBeUndefined();

    // And in Slack, the standard answer shows the expert's words with who answered.
    const onSlack = await ask(BOB, DM.bob, 'How many weeks of parental leave can I take?');
    expect(visibleText(onSlack)).toContain('16 weeks of parental leave');
  });

  it('shows the experts PolyDesk’s answer and its sources only when all of them may read every cited document', async () => {
    // A VPN answer: everyone may read its source, so the helpdesk channel sees it.
    const vpn = await ask(KENJI, DM.kenji, 'How do I connect to the VPN?');
    expect(visibleText(vpn)).toContain('GlobalConnect');
    // An answer offers "Ask a person" but nothing to wait for.
    expect(findAction(vpn.blocks, 'polydesk_subscribe')).toBeUndefined();
    const open = visibleText(await escalate(KENJI, DM.kenji, vpn, HELP));
    expect(open).toContain('GlobalConnect');
    expect(open).toContain('VPN setup guide');

    // HR's documents, one confidential, one internal but for HR only; Bob (IT) reads the HR
    // experts' channel: neither the text nor the title reaches it.
    for (const [question, secrets] of [
      ['What is the relocation allowance for moves between offices?', ['4800', 'Relocation handbook']],
      ['What is the salary band for senior engineers?', ['90000', '120000', 'Salary bands']],
    ] as const) {
      const answer = await ask(ALICE, DM.alice, question);
      expect(visibleText(answer)).toContain(secrets[0]);
      const handOff = await escalate(ALICE, DM.alice, answer, HR_EXPERTS);
      const shown = `${handOff.text}\n${visibleText(handOff)}`;
      expect(handOff.text).toContain('<!subteam^S0HRONCALL>');
      expect(shown).toContain(question);
      expect(shown).toContain(t('en', 'handoff.answerHidden'));
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });

  it('holds an expert reply the guard flags: the asker gets the held notice, the reply waits for review', async () => {
    const answer = await ask(BOB, DM.bob, 'Where do I find the Wi-Fi settings for the 5th floor?');
    const handOff = await escalate(BOB, DM.bob, answer, HELP);
    const before = botMessages(DM.bob).length;
    const secret = 'Kx9#mQ2$vL7!pR4z';
    await h.message({
      channel: HELP,
      user: ERIN,
      text: `The admin password for the floor router is ${secret}`,
      threadTs: handOff.ts,
    });
    const told = await h.slack.waitFor(() => botMessages(DM.bob)[before]);
    expect(visibleText(told)).toBe(t('en', 'held'));
    expect(h.slack.messages.filter((m) => m.channel === DM.bob && m.text.includes(secret))).toEqual([]);
    const escalation = (await h.runtime.store.escalations.byThread('slack', HELP, handOff.ts))!;
    expect(await h.runtime.store.escalations.replies(escalation.id)).toMatchObject([
      { verdictAction: 'hold' },
    ]);
    const pending = await h.runtime.store.reviews.list({ status: 'pending', limit: 10, offset: 0 });
    expect(pending.map((r) => r.questionId)).toContain(escalation.questionId);
  });
});

describe('without expert routes', () => {
  it('offers no "Ask a person" (no button that leads nowhere)', async () => {
    const plain = await startSlackHarness();
    try {
      await plain.adapter.start();
      const message = plain.slack.addUserMessage({ channel: 'D0PLAIN', user: 'UALICE', text: 'VPN?' });
      await plain.send(
        eventCallback({
          type: 'message',
          channel: 'D0PLAIN',
          channel_type: 'im',
          user: 'UALICE',
          text: 'VPN?',
          ts: message.ts,
        }),
      );
      const answer = await plain.slack.waitFor(() =>
        plain.slack.botMessages('D0PLAIN').find((m) => findAction(m.blocks, 'polydesk_feedback')),
      );
      expect(findAction(answer.blocks, 'polydesk_escalate')).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
