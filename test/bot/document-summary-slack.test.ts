/**
 * Document summaries in Slack (issue 18), as `serve` wires them, over real HTTP between PolyDesk and
 * the fake Slack Web API with signed events: "summarise <title>" in a DM and as a mention (in a
 * channel, for every member: a document one member may not read is not found and not named), and
 * the "Summarise [n]" button under an answer, answered to whoever pressed it alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARIZE_DOCUMENT_ACTION } from '../../src/bot/slack/slack-blocks.js';
import { blockAction, eventCallback, slashCommand } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID } from '../fakes/slack-server.js';
import { type HandOffServer, startHandOffServer } from './hand-off-harness.js';
import { visibleText } from './slack-harness.js';

const ALICE = 'UALICE';
const BOB = 'UBOB';
const OPS = 'C0OPS';
const ALICE_DM = 'D0ALICE';
const BOB_DM = 'D0BOB';

const LEAVE = `---
title: Annual Leave
---
# Annual Leave

## How many days
Full-time employees get 20 days of paid annual leave per calendar year. Leave grows by one day for each year of service, up to 25 days.

## Requesting leave
Request leave in Lumen People at least five working days ahead. Your manager approves or declines within two working days.
`;

const BANDS = `---
title: Salary bands 2027
---
# Salary bands

The salary band for senior engineers goes from 90000 to 120000 euros per year. Bands are reviewed every April by the HR team. Offers above the band need the approval of the HR director.
`;

describe('document summaries in Slack', () => {
  let h: HandOffServer;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: { routes: [] },
      directory: { hr: ['alice@corp.example'] },
      users: {
        [ALICE]: { email: 'alice@corp.example', locale: 'en-US' },
        [BOB]: { email: 'bob@corp.example', locale: 'en-GB' },
      },
      channels: { [OPS]: [ALICE, BOB], [ALICE_DM]: [ALICE], [BOB_DM]: [BOB] },
      documents: {
        'hr/leave.md': LEAVE,
        'hr/salary-bands.md': { text: BANDS, audience: ['hr'], classification: 'confidential' },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const botReplies = (channel: string) =>
    h.slack.messages.filter((m) => m.channel === channel && m.botId === FAKE_BOT_ID);
  /** The bot's message in `channel` after `before` of them whose text is final (not the status line). */
  const finalReply = (channel: string, before: number) =>
    h.slack.waitFor(
      () =>
        botReplies(channel)
          .slice(before)
          .find((m) => !visibleText(m).includes('Summarising…')),
      30_000,
    );

  it('summarises a document asked for by title in a DM', async () => {
    const before = botReplies(ALICE_DM).length;
    await h.message({ channel: ALICE_DM, user: ALICE, text: 'summarise Annual Leave', dm: true });
    const reply = await finalReply(ALICE_DM, before);
    const shown = visibleText(reply);
    expect(shown).toContain('Summary of “Annual Leave”');
    expect(shown).toContain('Full-time employees get 20 days of paid annual leave per calendar year.');
    const [row] = await h.runtime.store.db
      .selectFrom('questions')
      .selectAll()
      .where('kind', '=', 'summary')
      .where('platform', '=', 'slack')
      .execute();
    expect(row).toMatchObject({ asker: 'alice@corp.example', status: 'answered' });
  });

  it('summarises a confidential document for a member of its audience in a DM, and not for others', async () => {
    const mine = botReplies(ALICE_DM).length;
    await h.message({ channel: ALICE_DM, user: ALICE, text: 'summarize Salary bands 2027', dm: true });
    expect(visibleText(await finalReply(ALICE_DM, mine))).toContain('90000 to 120000');

    const his = botReplies(BOB_DM).length;
    await h.message({ channel: BOB_DM, user: BOB, text: 'summarize Salary bands 2027', dm: true });
    const refused = visibleText(await finalReply(BOB_DM, his));
    expect(refused).toContain("I couldn't find a document by that name that you can read.");
    expect(refused).not.toMatch(/salary|90000/i);
  });

  it('in a channel, summarises only for every member: a mention asking for a document one may not read gets not found', async () => {
    const before = botReplies(OPS).length;
    const parent = h.slack.addUserMessage({
      channel: OPS,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> summarise Salary bands 2027`,
    });
    await h.send(
      eventCallback({
        type: 'app_mention',
        channel: OPS,
        user: ALICE,
        text: parent.text,
        ts: parent.ts,
        team: FAKE_TEAM_ID,
      }),
    );
    const reply = visibleText(await finalReply(OPS, before));
    expect(reply).toContain("I couldn't find a document by that name that you can read.");
    expect(reply).not.toMatch(/salary|90000/i);
  });

  it('answers /ask summarise <document> to the asker alone, for them alone', async () => {
    const responseUrl = h.slack.responseUrl(OPS, ALICE);
    const before = botReplies(OPS).length;
    await h.send(
      slashCommand({
        command: '/ask',
        text: 'summarise Salary bands 2027',
        user_id: ALICE,
        channel_id: OPS,
        response_url: responseUrl,
      }),
    );
    const id = responseUrl.split('/').pop();
    const shown = await h.slack.waitFor(
      () => h.slack.ephemerals.find((e) => e.responseUrlId === id && visibleText(e).includes('Summary of')),
      30_000,
    );
    // Only Alice reads it, and she may read the salary bands: summarised, though Bob is in the channel.
    expect(shown.user).toBe(ALICE);
    expect(visibleText(shown)).toContain('90000 to 120000');
    expect(botReplies(OPS).length).toBe(before);
  });

  it('offers "Summarise [n]" under an answer, and shows the summary to whoever pressed it alone', async () => {
    const before = botReplies(BOB_DM).length;
    await h.message({
      channel: BOB_DM,
      user: BOB,
      text: 'How many days of paid annual leave do full-time employees get?',
      dm: true,
    });
    const answer = await h.slack.waitFor(
      () =>
        botReplies(BOB_DM)
          .slice(before)
          .find((m) => JSON.stringify(m.blocks).includes(SUMMARIZE_DOCUMENT_ACTION)),
      30_000,
    );
    const button = findSummarise(answer.blocks);
    expect(button).toMatchObject({ value: 'hr/leave.md', text: { text: 'Summarise [1]' } });

    const responseUrl = h.slack.responseUrl(BOB_DM, BOB);
    const summaryRows = async () =>
      (await h.runtime.store.db.selectFrom('questions').select('id').where('kind', '=', 'summary').execute())
        .length;
    const summariesBefore = await summaryRows();
    // A double click: two actions, one summary.
    const click = () =>
      h.send(blockAction({ user: BOB, channel: BOB_DM, action: button!, responseUrl, messageTs: answer.ts }));
    await Promise.all([click(), click()]);
    const shown = await h.slack.waitFor(
      () => h.slack.ephemerals.find((e) => e.responseUrlId === responseUrl.split('/').pop()),
      30_000,
    );
    expect(visibleText(shown)).toContain('Summary of “Annual Leave”');
    expect(await summaryRows()).toBe(summariesBefore + 1);
    expect(h.slack.ephemerals.filter((e) => e.responseUrlId === responseUrl.split('/').pop())).toHaveLength(
      1,
    );
  });
});

function findSummarise(blocks: unknown[]): Record<string, unknown> | undefined {
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    for (const element of block.elements ?? [])
      if (String(element['action_id']).startsWith(SUMMARIZE_DOCUMENT_ACTION)) return element;
  }
  return undefined;
}
