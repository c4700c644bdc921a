/**
 * Document summaries in Teams (issue 18), over real HTTP between PolyDesk's /api/messages and the
 * fake Bot Connector (the Emulator mode): "summarise <title>" in a 1:1 chat, in German, the card's
 * "Summarise [n]" under an answer, and a group chat where one member may not read the document
 * (not found, unnamed).
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
const SARA: FakeMember = { id: 'sara@example.com', name: 'Sara HR', aadObjectId: 'aad-sara' };
const GROUP = '19:group-chat@thread.v2';

type Action = { type: string; title: string; data?: Record<string, string> };
const actionsOf = (message: FakeTeamsMessage | undefined): Action[] =>
  (message?.attachments ?? []).flatMap(
    (a) => ((a['content'] as { actions?: Action[] } | undefined)?.actions ?? []) as Action[],
  );
const textOf = (message: FakeTeamsMessage | undefined) =>
  [
    message?.text ?? '',
    ...(message?.attachments ?? []).flatMap((a) =>
      ((a['content'] as { body?: { text?: string }[] } | undefined)?.body ?? []).map((b) => b.text ?? ''),
    ),
  ].join('\n');

const LEAVE = `---
title: Elternzeit
language: de
---
# Elternzeit

## Anspruch
Alle Beschäftigten haben Anspruch auf bis zu drei Jahre Elternzeit für jedes Kind. Die Elternzeit muss sieben Wochen vor Beginn schriftlich beantragt werden.

## Gehalt
Während der Elternzeit zahlt das Unternehmen kein Gehalt, das Elterngeld zahlt der Staat. Der Arbeitsplatz bleibt während der Elternzeit erhalten.
`;

describe('document summaries in Teams', () => {
  let h: HandOffServer;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: [],
      directory: { hr: ['sara@example.com'] },
      users: {},
      channels: {},
      documents: {
        'hr/elternzeit.md': LEAVE,
        'hr/relocation.md': {
          text: '---\ntitle: Relocation handbook\n---\n# Relocation\n\nThe relocation allowance for moves between offices is 4800 euros, paid with the first salary. Movers are booked by HR two weeks ahead.\n',
          audience: ['hr'],
        },
      },
    });
    h.connector.addMembers(GROUP, [HANA, SARA]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = async (activity: Record<string, unknown>) => {
    const response = await deliverActivity(h.messagesUrl, activity);
    expect(response.status).toBe(200);
  };
  const chatOf = (member: FakeMember) => h.connector.conversation(`a:1personal-${member.id}`);

  /** Hana asks in German for the parental-leave page; the reply in her 1:1 chat that names it. */
  const summariseElternzeit = async (before: number) => {
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: HANA,
        text: 'Fasse Elternzeit zusammen',
        locale: 'de-DE',
      }),
    );
    return h.connector.waitFor(() =>
      chatOf(HANA)
        .slice(before)
        .find((m) => textOf(m).includes('Zusammenfassung von „Elternzeit“')),
    );
  };

  it('summarises a document asked for by title in a 1:1 chat, in the language of the request', async () => {
    const before = chatOf(HANA).length;
    const reply = await summariseElternzeit(before);
    expect(textOf(reply)).toContain('Zusammenfassung von „Elternzeit“');
    expect(textOf(reply)).toContain('Anspruch auf bis zu drei Jahre Elternzeit');
  });

  it('offers "Summarise [n]" on an answer card, and summarises that source when pressed', async () => {
    const before = chatOf(SARA).length;
    await send(
      teamsActivity(h.connector, {
        scope: 'personal',
        from: SARA,
        text: 'How much is the relocation allowance?',
      }),
    );
    const answer = await h.connector.waitFor(() =>
      chatOf(SARA)
        .slice(before)
        .find((m) => actionsOf(m).some((a) => a.data?.['action'] === 'polydesk_summarize')),
    );
    const summarise = actionsOf(answer).find((a) => a.data?.['action'] === 'polydesk_summarize')!;
    expect(summarise).toMatchObject({ title: 'Summarise [1]', data: { source: 'hr/relocation.md' } });

    const after = chatOf(SARA).length;
    await send(teamsActivity(h.connector, { scope: 'personal', from: SARA, value: summarise.data }));
    const summary = await h.connector.waitFor(() =>
      chatOf(SARA)
        .slice(after)
        .find((m) => textOf(m).includes('Summary of')),
    );
    expect(textOf(summary)).toContain('Summary of “Relocation handbook”');
    expect(textOf(summary)).toContain('4800 euros');
  });

  it('in a group chat, summarises only what every member may read', async () => {
    const before = h.connector.conversation(GROUP).length;
    await send(
      teamsActivity(h.connector, {
        scope: 'groupChat',
        from: SARA,
        text: 'summarise Relocation handbook',
        mentionBot: true,
        conversationId: GROUP,
      }),
    );
    // The "Summarising…" placeholder is replaced by the outcome.
    const reply = await h.connector.waitFor(() =>
      h.connector
        .conversation(GROUP)
        .slice(before)
        .find((m) => !textOf(m).includes(t('en', 'summary.working'))),
    );
    expect(textOf(reply)).toContain(t('en', 'summary.notFound'));
    expect(textOf(reply)).not.toMatch(/relocation|4800/i);
  });

  it('sends the summary as a new message and removes the placeholder when Teams refuses to replace it', async () => {
    const before = chatOf(HANA).length;
    const deletedBefore = h.connector.deleted.length;
    h.connector.failNext('update', { status: 403, code: 'Forbidden' });
    const reply = await summariseElternzeit(before);
    expect(textOf(reply)).toContain('Anspruch auf bis zu drei Jahre Elternzeit');
    await h.connector.waitFor(() => h.connector.deleted.length > deletedBefore);
    const shown = chatOf(HANA).slice(before).map(textOf);
    expect(shown.some((text) => text.includes(t('de', 'summary.working')))).toBe(false);
    expect(shown).not.toContain(t('de', 'failed'));
  });
});
