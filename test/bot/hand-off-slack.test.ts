/**
 * "Ask a person" on Slack (issue 17), over real HTTP between PolyDesk and the fake Slack Web API,
 * with the real pipeline, guardrails and standard answers: escalate → the expert channel's message →
 * an expert's reply relayed into the asker's conversation (once, whatever Slack retries) → "Resolved"
 * records the time → "Save as standard answer" → the same question in other words, in Japanese,
 * Chinese and English, gets that answer; an unrelated one does not. And what the experts may read:
 * an answer drawn from a document some of them may not see is not shown to them, and a reply the
 * guard holds does not reach the asker.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAVE_STANDARD_SHORTCUT } from '../../src/bot/slack/slack-adapter.js';
import { t } from '../../src/core/i18n.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { blockAction, eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, type FakeMessage } from '../fakes/slack-server.js';
import {
  type HandOffServer,
  findAction,
  messageShortcut,
  startHandOffServer,
  viewSubmission,
} from './hand-off-harness.js';
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
      // Sources as ingest records them (relative to where it ran): the route's `hr/` matches the folder.
      documents: {
        'knowledge/it/vpn.md':
          '---\ntitle: VPN setup guide\n---\n# VPN\n\nTo connect to the VPN, install the GlobalConnect client and sign in with your company account.\n',
        'knowledge/hr/leave.md':
          '---\ntitle: Paid leave policy\n---\n# Paid leave\n\nEvery employee gets 25 days of paid leave per year. Unused days can be carried over until March.\n',
        // Internal, but for HR only: no leakage scan covers it, only who may read it.
        'knowledge/hr/relocation.md': {
          text: '---\ntitle: Relocation handbook\n---\n# Relocation\n\nThe relocation allowance for moves between offices is 4800 euros, paid with the first salary.\n',
          audience: ['hr'],
        },
        'knowledge/hr/salary-bands.md': {
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

    // "Save as standard answer" on the expert's reply: a form asks for the title and question
    // everyone who gets it will read, prefilled with the asker's question.
    const responseUrl = h.slack.responseUrl(HELP, ERIN);
    await h.send(
      messageShortcut({
        callbackId: SAVE_STANDARD_SHORTCUT,
        user: ERIN,
        channel: HELP,
        // The shortcut's own copy of the text is not what gets published: the recorded reply is.
        message: { ts: reply.ts, thread_ts: handOff.ts, text: 'something else entirely', user: ERIN },
        responseUrl,
      }),
    );
    const form = await h.slack.waitFor(() => h.slack.views[0]);
    expect(form.view).toMatchObject({ type: 'modal', title: { text: t('en', 'handoff.standardAnswer') } });
    const inputs = (form.view['blocks'] as { block_id?: string; element?: { initial_value?: string } }[])
      .filter((b) => b.element)
      .map((b) => [b.block_id, b.element!.initial_value]);
    expect(inputs).toEqual([
      ['title', question],
      ['question', question],
    ]);
    expect(await h.runtime.standardAnswers.list()).toEqual([]);
    const title = 'Parental leave: how many weeks';
    const confirmed = 'How many weeks of parental leave can employees take?';
    const submitted = await h.send(
      viewSubmission({ user: ERIN, view: form.view, values: { title, question: confirmed } }),
    );
    expect(submitted.status).toBe(200);
    const saved = await h.slack.waitFor(() => h.slack.ephemerals.find((e) => e.user === ERIN));
    expect(saved.text).toBe(t('en', 'handoff.saved'));
    const standards = await h.runtime.standardAnswers.list();
    expect(standards).toHaveLength(1);
    const standard = (await h.runtime.standardAnswers.get(standards[0]!.id))!;
    // The asker's own words match it; the title everyone reads is the one its saver confirmed.
    expect(standard).toMatchObject({
      title,
      question: confirmed,
      phrasings: [question],
      answer: REPLY,
      team: 'Helpdesk',
      origin: 'expert',
      originRef: escalation.id,
    });
    expect((await h.runtime.store.escalations.get(escalation.id))!.standardId).toBe(standard.id);
    // Submitted again (a double click, a second expert): one standard answer per hand-off.
    await h.send(viewSubmission({ user: ERIN, view: form.view, values: { title, question: confirmed } }));
    const again = await h.slack.waitFor(() => h.slack.ephemerals.filter((e) => e.user === ERIN)[1]);
    expect(again.text).toBe(t('en', 'handoff.savedAlready'));
    expect(await h.runtime.standardAnswers.list()).toHaveLength(1);

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
      ['育儿假能休多久？', 'zh-CN'],
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
    const recorded = () => h.runtime.store.escalations.replies(escalation.id);
    await vi.waitFor(async () => expect(await recorded()).toMatchObject([{ verdictAction: 'hold' }]));

    // A second held reply on the same question gets a review of its own.
    await h.message({
      channel: HELP,
      user: ERIN,
      text: 'Sorry, the right one is password: Zq8!nB3$wT6#yH1k',
      threadTs: handOff.ts,
    });
    await vi.waitFor(async () =>
      expect(await recorded()).toMatchObject([{ verdictAction: 'hold' }, { verdictAction: 'hold' }]),
    );
    expect(botMessages(DM.bob).slice(before).map(visibleText)).toEqual([t('en', 'held'), t('en', 'held')]);
    const pending = (await h.runtime.store.reviews.list({ status: 'pending', limit: 50, offset: 0 })).filter(
      (r) => r.questionId === escalation.questionId,
    );
    expect(pending.map((r) => r.originalText).sort()).toEqual([
      expect.stringContaining('Sorry, the right one'),
      expect.stringContaining('The admin password'),
    ]);
    expect(h.logs.filter((l) => l.event === 'handoff.relay_failed')).toEqual([]);

    // A reviewer releases the second: it reaches the asker's DM, its password masked.
    const second = pending.find((r) => r.originalText.includes('Sorry'))!;
    expect(await h.adapters.reviews.approve(second.id, 'reviewer@corp.example')).toEqual({
      outcome: 'approved',
      delivered: true,
    });
    const released = await h.slack.waitFor(() => botMessages(DM.bob)[before + 2]);
    expect(visibleText(released)).toContain('Sorry, the right one is');
    expect(visibleText(released)).not.toContain('Zq8!nB3$wT6#yH1k');
  });

  it('saves no held reply as a standard answer, whatever the shortcut carries', async () => {
    const answer = await ask(BOB, DM.bob, 'What is the door code of the server room?');
    const handOff = await escalate(BOB, DM.bob, answer, HELP);
    const secret = 'password: Hq4!zT8$mW2#kP9x';
    const reply = await h.message({
      channel: HELP,
      user: ERIN,
      text: `The server room ${secret}`,
      threadTs: handOff.ts,
    });
    const escalation = (await h.runtime.store.escalations.byThread('slack', HELP, handOff.ts))!;
    await vi.waitFor(async () =>
      expect(await h.runtime.store.escalations.replies(escalation.id)).toMatchObject([
        { verdictAction: 'hold' },
      ]),
    );
    const views = h.slack.views.length;
    await h.send(
      messageShortcut({
        callbackId: SAVE_STANDARD_SHORTCUT,
        user: ERIN,
        channel: HELP,
        message: { ts: reply.ts, thread_ts: handOff.ts, text: `The server room ${secret}`, user: ERIN },
        responseUrl: h.slack.responseUrl(HELP, ERIN),
      }),
    );
    const refused = await h.slack.waitFor(() =>
      h.slack.ephemerals.find((e) => e.user === ERIN && e.text === t('en', 'handoff.saveNotRelayed')),
    );
    expect(refused).toBeDefined();
    expect(h.slack.views).toHaveLength(views);
    expect((await h.runtime.standardAnswers.list()).filter((a) => a.answer.includes(secret))).toEqual([]);

    // Nor one passed on with a part masked (a policy that redacts): its own text still holds that part.
    await h.runtime.store.db
      .updateTable('escalation_replies')
      .set({ verdict_action: 'redact', relayed_at: new Date().toISOString() })
      .where('escalation_id', '=', escalation.id)
      .execute();
    const refusals = h.slack.ephemerals.filter((e) => e.text === t('en', 'handoff.saveNotRelayed')).length;
    await h.send(
      messageShortcut({
        callbackId: SAVE_STANDARD_SHORTCUT,
        user: ERIN,
        channel: HELP,
        message: { ts: reply.ts, thread_ts: handOff.ts, text: `The server room ${secret}`, user: ERIN },
        responseUrl: h.slack.responseUrl(HELP, ERIN),
      }),
    );
    await h.slack.waitFor(
      () => h.slack.ephemerals.filter((e) => e.text === t('en', 'handoff.saveNotRelayed')).length > refusals,
    );
    expect(h.slack.views).toHaveLength(views);
  });

  it('keeps a restricted standard answer from an expert channel whose readers may not all see it', async () => {
    await h.runtime.standardAnswers.create({
      question: 'What is the relocation bonus for moving to another office?',
      answer: 'The relocation bonus is 7300 euros, paid with the first salary.',
      team: 'HR',
      audience: ['hr'],
      origin: 'admin',
      createdBy: 'admin@corp.example',
    });
    const answer = await ask(ALICE, DM.alice, 'What is the relocation bonus for moving to another office?');
    expect(visibleText(answer)).toContain('7300');
    // No document cited, none an HR route matches: the default route's channel, read by Erin and Bob.
    const handOff = await escalate(ALICE, DM.alice, answer, HELP);
    const shown = `${handOff.text}\n${visibleText(handOff)}`;
    expect(shown).toContain(t('en', 'handoff.answerHidden'));
    expect(shown).not.toContain('7300');
  });

  it('lets only the asker hand a question off', async () => {
    const answer = await ask(ALICE, DM.alice, 'How do I connect to the VPN?');
    const button = findAction(answer.blocks, 'polydesk_escalate')!;
    const posts = botMessages(HELP).length;
    // Bob presses it (the button of Alice's answer, its value her question's id).
    await h.send(
      blockAction({
        user: BOB,
        channel: DM.bob,
        action: button,
        responseUrl: h.slack.responseUrl(DM.bob, BOB),
      }),
    );
    const told = await h.slack.waitFor(() =>
      h.slack.ephemerals.find((e) => e.user === BOB && e.text === t('en', 'handoff.notAsker')),
    );
    expect(told).toBeDefined();
    expect(await h.runtime.store.escalations.forQuestion(button['value'] as string)).toBeUndefined();
    expect(botMessages(HELP)).toHaveLength(posts);
  });

  it('posts a hand-off left unposted by a process that stopped, once it is stale', async () => {
    const answer = await ask(KENJI, DM.kenji, 'Where is the printer on the 3rd floor?');
    const questionId = findAction(answer.blocks, 'polydesk_escalate')!['value'] as string;
    const stale = new Date(Date.now() - 5 * 60_000).toISOString();
    await h.runtime.store.db
      .insertInto('escalations')
      .values({
        id: 'e-abandoned',
        question_id: questionId,
        requested_by: 'kenji@corp.example',
        status: 'open',
        route: 'helpdesk',
        expert_platform: 'slack',
        expert_channel: HELP,
        expert_thread: null,
        language: 'en',
        created_at: stale,
        posted_at: null,
        resolved_at: null,
        resolved_by: null,
        standard_id: null,
      })
      .execute();
    const handOff = await escalate(KENJI, DM.kenji, answer, HELP);
    expect(visibleText(handOff)).toContain('printer');
    await vi.waitFor(async () =>
      expect(await h.runtime.store.escalations.get('e-abandoned')).toMatchObject({
        expertThread: handOff.ts,
        postedAt: expect.any(String),
      }),
    );
  });

  it('acknowledges an expert reply once recorded, and relays it again after a failed relay, once', async () => {
    const answer = await ask(BOB, DM.bob, 'How do I book a meeting room?');
    const handOff = await escalate(BOB, DM.bob, answer, HELP);
    const before = botMessages(DM.bob).length;
    // Slack keeps the relay waiting (a rate limit), then refuses it outright.
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    h.slack.failNext('chat.postMessage', { error: 'internal_error' });
    const started = Date.now();
    const reply = await h.message({
      channel: HELP,
      user: ERIN,
      text: 'Rooms are booked in Outlook: add the room as an attendee.',
      threadTs: handOff.ts,
    });
    expect(reply.response.status).toBe(200);
    // Acknowledged before the relay (which waits 3 s for Slack) is done.
    expect(Date.now() - started).toBeLessThan(2_500);
    await vi.waitFor(() => expect(h.logs.some((l) => l.event === 'handoff.relay_failed')).toBe(true), {
      timeout: 30_000,
    });
    expect(botMessages(DM.bob)).toHaveLength(before);
    // PolyDesk did not take the expert's reply for a question to answer in the expert channel.
    expect(botMessages(HELP).filter((m) => m.threadTs === handOff.ts)).toEqual([]);

    expect(await h.adapters.handOff!.retryRelays(0)).toBe(1);
    const relayed = await h.slack.waitFor(() => botMessages(DM.bob)[before]);
    expect(visibleText(relayed)).toContain('add the room as an attendee');
    expect(await h.adapters.handOff!.retryRelays(0)).toBe(0);
    expect(botMessages(DM.bob)).toHaveLength(before + 1);
  });

  it('never answers an expert reply as a question when recording it fails', async () => {
    const answer = await ask(BOB, DM.bob, 'Where do I order a new laptop charger?');
    const handOff = await escalate(BOB, DM.bob, answer, HELP);
    const escalations = h.runtime.store.escalations;
    const addReply = escalations.addReply.bind(escalations);
    escalations.addReply = async () => {
      throw new Error('the database is gone');
    };
    try {
      // Mentioning PolyDesk: Slack sends the message as an app_mention too, which PolyDesk answers
      // when it is not an expert's reply.
      const text = '<@UBOT> the charger is ordered in the IT shop, under Accessories.';
      const reply = await h.message({ channel: HELP, user: ERIN, text, threadTs: handOff.ts });
      expect(reply.response.status).toBe(200);
      const mention = await h.send(
        eventCallback({
          type: 'app_mention',
          channel: HELP,
          user: ERIN,
          text,
          ts: reply.ts,
          thread_ts: handOff.ts,
          team: 'T0FAKE',
        }),
      );
      expect(mention.status).toBe(200);
      await vi.waitFor(() =>
        expect(
          h.logs.some((l) => l.event === 'slack.handler_failed' && l.fields?.['what'] === 'expert_reply'),
        ).toBe(true),
      );
    } finally {
      escalations.addReply = addReply;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(botMessages(HELP).filter((m) => m.threadTs === handOff.ts)).toEqual([]);
  });

  it('spells links out both ways, and tells the expert a file was not passed on', async () => {
    const answer = await ask(
      KENJI,
      DM.kenji,
      'My password reset link [Reset here](https://evil.example/login) does not work, what now?',
    );
    const handOff = await escalate(KENJI, DM.kenji, answer, HELP);
    expect(handOff.text + JSON.stringify(handOff.blocks)).not.toContain('|Reset here>');
    expect(visibleText(handOff)).toContain('Reset here (https://evil.example/login)');

    const before = botMessages(DM.kenji).length;
    await h.message({
      channel: HELP,
      user: ERIN,
      text: 'Use the [self-service portal](https://portal.corp.example/reset), screenshot attached.',
      threadTs: handOff.ts,
      subtype: 'file_share',
      files: [{ id: 'F0SCREEN', name: 'screenshot.png' }],
    });
    const relayed = await h.slack.waitFor(() => botMessages(DM.kenji)[before]);
    expect(visibleText(relayed)).toContain('self-service portal (https://portal.corp.example/reset)');
    expect(JSON.stringify(relayed.blocks)).not.toContain('|self-service portal>');
    const told = await h.slack.waitFor(() =>
      h.slack.ephemerals.find((e) => e.user === ERIN && e.text === t('en', 'handoff.fileNotRelayed')),
    );
    expect(told.channel).toBe(HELP);
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
