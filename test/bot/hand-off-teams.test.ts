/**
 * "Ask a person" in Teams (issue 17), over real HTTP between PolyDesk's /api/messages and the fake
 * Bot Connector (the Emulator mode): the Adaptive Card action under an answer hands the question to
 * a Teams channel (a new post there), an expert's reply in that post's thread reaches the asker's
 * chat once, "Resolved" replaces the card, and "Save as standard answer" under the relayed reply
 * publishes it, so that the same question in other words gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import {
  type FakeMember,
  type FakeTeamsMessage,
  deliverActivity,
  teamsActivity,
} from '../fakes/bot-connector.js';
import { type HandOffServer, startHandOffServer } from './hand-off-harness.js';

const HANA: FakeMember = { id: 'hana@example.com', name: 'Hana Sato', aadObjectId: 'aad-hana' };
const ERIN: FakeMember = { id: 'erin@example.com', name: 'Erin Expert', aadObjectId: 'aad-erin' };
const SARA: FakeMember = { id: 'sara@example.com', name: 'Sara HR', aadObjectId: 'aad-sara' };
const EXPERTS = '19:experts@thread.tacv2';
const HR_EXPERTS = '19:hr-experts@thread.tacv2';
const CHAT = `a:1personal-${HANA.id}`;
const REPLY = 'Parental leave is up to 16 weeks. Apply in Workday four weeks ahead.';

type Action = { type: string; title: string; data?: Record<string, string> };

/** The card actions of a message (its Adaptive Cards' `actions`). */
function actionsOf(message: FakeTeamsMessage | undefined): Action[] {
  return (message?.attachments ?? []).flatMap(
    (a) => ((a['content'] as { actions?: Action[] } | undefined)?.actions ?? []) as Action[],
  );
}
/** The inputs of a message's cards: id, prefilled value, required. */
const inputsOf = (message: FakeTeamsMessage | undefined) =>
  (message?.attachments ?? []).flatMap((a) =>
    (
      (a['content'] as { body?: { type?: string; id?: string; value?: string; isRequired?: boolean }[] })
        ?.body ?? []
    )
      .filter((b) => b.type === 'Input.Text')
      .map((b) => ({ id: b.id, value: b.value, isRequired: b.isRequired })),
  );
const action = (message: FakeTeamsMessage | undefined, verb: string) =>
  actionsOf(message).find((a) => a.data?.['action'] === verb);
const cardText = (message: FakeTeamsMessage | undefined) =>
  [
    message?.text ?? '',
    ...(message?.attachments ?? []).flatMap((a) =>
      ((a['content'] as { body?: { text?: string }[] } | undefined)?.body ?? []).map((b) => b.text ?? ''),
    ),
  ].join('\n');

describe('Ask a person in Teams', () => {
  let h: HandOffServer;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: (serviceUrl: string) => [
        // HR's questions and documents go to the HR channel; who reads it is not said (readers: all).
        { name: 'hr', team: 'HR', match: { groups: ['hr'] }, teams: { channel: HR_EXPERTS, serviceUrl } },
        { name: 'helpdesk', team: 'Helpdesk', default: true, teams: { channel: EXPERTS, serviceUrl } },
      ],
      directory: { hr: ['sara@example.com'] },
      users: {},
      channels: {},
      documents: {
        'it/vpn.md':
          '---\ntitle: VPN setup guide\n---\n# VPN\n\nInstall the GlobalConnect client to connect to the VPN.\n',
        'hr/relocation.md': {
          text: '---\ntitle: Relocation handbook\n---\n# Relocation\n\nThe relocation allowance for moves between offices is 4800 euros, paid with the first salary.\n',
          audience: ['hr'],
        },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = async (activity: Record<string, unknown>) => {
    const response = await deliverActivity(h.messagesUrl, activity);
    expect(response.status).toBe(200);
    return activity;
  };
  const inChat = () => h.connector.conversation(CHAT);
  const channelPosts = () => h.connector.conversation(EXPERTS);

  it('hands off from a card action, relays the reply once, resolves, and saves it as a standard answer', async () => {
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: HANA,
        text: '育児休業は何週間取れますか？',
        locale: 'ja-JP',
      }),
    );
    const answer = await h.connector.waitFor(() => inChat().find((m) => action(m, 'polydesk_escalate')));
    expect(cardText(answer)).toContain(t('ja', 'notFound'));
    const escalate = action(answer, 'polydesk_escalate')!;
    expect(escalate).toMatchObject({ type: 'Action.Submit', title: '担当者に質問する' });
    // Under a not-found, also "Tell me when it's answered"; pressing it records the wish.
    const subscribe = action(answer, 'polydesk_subscribe')!;
    expect(subscribe).toMatchObject({ type: 'Action.Submit', title: t('ja', 'handoff.subscribe') });
    await send(
      teamsActivity(h.connector, { scope: 'personal', from: HANA, value: subscribe.data, locale: 'ja-JP' }),
    );
    await h.connector.waitFor(() => inChat().find((m) => m.text === t('ja', 'handoff.subscribed')));
    expect(await h.runtime.store.db.selectFrom('answer_subscriptions').select('asker').execute()).toEqual([
      { asker: 'hana@example.com' },
    ]);

    // The same data posted from another conversation (Erin's own chat) hands nothing off.
    const erinsChat = `a:1personal-${ERIN.id}`;
    await send(teamsActivity(h.connector, { scope: 'personal', from: ERIN, value: escalate.data }));
    await h.connector.waitFor(() =>
      h.connector.conversation(erinsChat).find((m) => m.text === t('en', 'handoff.unavailable')),
    );
    expect(channelPosts()).toEqual([]);

    // The card action comes back as a message activity carrying its data.
    await send(
      teamsActivity(h.connector, { scope: 'personal', from: HANA, value: escalate.data, locale: 'ja-JP' }),
    );
    const handOff = await h.connector.waitFor(() => channelPosts()[0]);
    expect(handOff.replyToId).toBeUndefined(); // a new post: the root of a thread
    expect(cardText(handOff)).toContain('育児休業は何週間取れますか？');
    expect(cardText(handOff)).toContain('Japanese (ja)');
    expect(action(handOff, 'polydesk_resolve')).toMatchObject({ title: 'Resolved' });
    await h.connector.waitFor(() => inChat().find((m) => m.text === t('ja', 'handoff.sent')));

    // An expert answers in the post's thread (mentioning PolyDesk, as a bot without RSC needs).
    const thread = `${EXPERTS};messageid=${handOff.id}`;
    const before = inChat().length;
    const reply = await send(
      teamsActivity(h.connector, {
        scope: 'channel',
        conversationId: thread,
        from: ERIN,
        text: REPLY,
        mentionBot: true,
      }),
    );
    const relayed = await h.connector.waitFor(() => inChat()[before]);
    expect(relayed.text).toContain('Helpdeskからご質問への返信です');
    expect(relayed.text).toContain('16 weeks');
    expect(relayed.text).not.toContain('PolyDesk</at>');
    // Under the reply, in the thread: passed on, and "Save as standard answer" with the title and
    // question to confirm, prefilled with the asker's question.
    const confirmation = await h.connector.waitFor(() =>
      h.connector.conversation(thread).find((m) => action(m, 'polydesk_save_standard')),
    );
    expect(cardText(confirmation)).toContain(t('en', 'handoff.relayed'));
    expect(inputsOf(confirmation)).toEqual([
      { id: 'title', value: '育児休業は何週間取れますか？', isRequired: true },
      { id: 'question', value: '育児休業は何週間取れますか？', isRequired: true },
    ]);

    // Delivered again: relayed once.
    await send(reply);
    expect(inChat()).toHaveLength(before + 1);

    // "Resolved" replaces the card: no button, a line saying so; the time is recorded.
    const escalation = (await h.runtime.store.escalations.byThread('teams', EXPERTS, handOff.id))!;
    // Not from anywhere but the hand-off's thread.
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: ERIN,
        value: action(handOff, 'polydesk_resolve')!.data,
      }),
    );
    expect(await h.runtime.store.escalations.get(escalation.id)).toMatchObject({ status: 'open' });
    await send(
      teamsActivity(h.connector, {
        scope: 'channel',
        conversationId: thread,
        from: ERIN,
        value: action(handOff, 'polydesk_resolve')!.data,
      }),
    );
    await h.connector.waitFor(() => action(handOff, 'polydesk_resolve') === undefined);
    expect(cardText(handOff)).toContain(t('en', 'handoff.resolved'));
    expect(await h.runtime.store.escalations.get(escalation.id)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'erin@example.com',
      resolvedAt: expect.any(String),
    });

    // "Save as standard answer" under the relayed reply, with the inputs as the expert rewrote them
    // (Teams merges them into the action's data); not from another conversation.
    const confirmed = {
      ...action(confirmation, 'polydesk_save_standard')!.data,
      title: 'Parental leave: how many weeks',
      question: 'How many weeks of parental leave can employees take?',
    };
    await send(teamsActivity(h.connector, { scope: 'personal', from: ERIN, value: confirmed }));
    await h.connector.waitFor(() =>
      h.connector.conversation(erinsChat).find((m) => m.text === t('en', 'handoff.notReply')),
    );
    expect(await h.runtime.standardAnswers.list()).toEqual([]);
    await send(
      teamsActivity(h.connector, { scope: 'channel', conversationId: thread, from: ERIN, value: confirmed }),
    );
    await h.connector.waitFor(() =>
      h.connector.conversation(thread).find((m) => m.text === t('en', 'handoff.saved')),
    );
    const [saved] = await h.runtime.standardAnswers.list();
    expect(await h.runtime.standardAnswers.get(saved!.id)).toMatchObject({
      title: 'Parental leave: how many weeks',
      question: 'How many weeks of parental leave can employees take?',
      phrasings: ['育児休業は何週間取れますか？'],
      answer: REPLY,
      team: 'Helpdesk',
      origin: 'expert',
      originRef: escalation.id,
    });

    // The same question in other words now gets the expert's answer, in the asker's chat.
    const now = inChat().length;
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: HANA,
        text: '育休は最大何週間ですか？',
        locale: 'ja-JP',
      }),
    );
    const standard = await h.connector.waitFor(() =>
      inChat()
        .slice(now)
        .find((m) => m.stream?.state !== 'streaming' && cardText(m).includes('16 weeks')),
    );
    expect(cardText(standard)).toContain('Helpdesk');
  });
  it('keeps an answer from a channel whose readers the route does not state, and offers no save under a held reply', async () => {
    const sarasChat = `a:1personal-${SARA.id}`;
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: SARA,
        text: 'What is the relocation allowance for moves between offices?',
      }),
    );
    const answer = await h.connector.waitFor(() =>
      h.connector.conversation(sarasChat).find((m) => action(m, 'polydesk_escalate')),
    );
    expect(cardText(answer)).toContain('4800');
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: SARA,
        value: action(answer, 'polydesk_escalate')!.data,
      }),
    );
    // The HR route's channel: its `match.groups` route HR's questions there, but say nothing of
    // who reads it, so the answer drawn from an HR-only document is not shown.
    const handOff = await h.connector.waitFor(() => h.connector.conversation(HR_EXPERTS)[0]);
    expect(cardText(handOff)).toContain(t('en', 'handoff.answerHidden'));
    expect(cardText(handOff)).not.toContain('4800');

    // A reply the guard holds: the thread is told it waits for review, with nothing to save.
    const thread = `${HR_EXPERTS};messageid=${handOff.id}`;
    await send(
      teamsActivity(h.connector, {
        scope: 'channel',
        conversationId: thread,
        from: ERIN,
        text: 'The admin password for the HR share is Kx9#mQ2$vL7!pR4z',
        mentionBot: true,
      }),
    );
    const confirmation = await h.connector.waitFor(() =>
      h.connector.conversation(thread).find((m) => cardText(m).includes(t('en', 'handoff.relayHeld'))),
    );
    expect(action(confirmation, 'polydesk_save_standard')).toBeUndefined();
    expect(inputsOf(confirmation)).toEqual([]);
  });
});
