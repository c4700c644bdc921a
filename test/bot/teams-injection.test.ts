/**
 * Links from documents in Teams messages and Adaptive Cards (security issue 21, finding 5): a quoted
 * Markdown link stays a link only to an http(s) URL, and a source's link goes to its own, normalised
 * URL under its own title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownLink, safeMarkdown } from '../../src/bot/teams/teams-markdown.js';
import { deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { HANA, type TeamsHarness, createPipeline, startTeams } from './teams-setup.js';

const DOCUMENTS = {
  'it/sign-out.txt':
    'The travel rules for the summer trip are on [the travel page](javascript:alert(1)) and on [the portal](https://portal.example/a(b)) for everyone.\n',
  'it/closing.md': [
    '---',
    'title: "[Click here](https://phish.example/x) Closing notice"',
    'url: https://intranet.example/wiki/Closing|the SSO page',
    '---',
    'The office closes early on Friday so that the cleaning can start.',
    '',
  ].join('\n'),
};

let harness: TeamsHarness;
let pipeline: Awaited<ReturnType<typeof createPipeline>>;

beforeAll(async () => {
  pipeline = await createPipeline({ documents: DOCUMENTS });
  harness = await startTeams({
    answers: pipeline.answers,
    directory: pipeline.directory,
    claims: pipeline.store.events,
    feedback: pipeline.store.feedback,
  });
});

afterAll(async () => {
  await harness?.close();
  await pipeline?.dispose();
});

let chats = 0;

/** Asks in a new 1:1 chat; the final reply's text and card as JSON. */
async function cardJson(text: string): Promise<string> {
  chats += 1;
  const conversationId = `a:1injection-${chats}`;
  const activity = teamsActivity(harness.connector, { scope: 'personal', from: HANA, text, conversationId });
  expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
  const message = await harness.connector.waitFor(() =>
    harness.connector
      .conversation(conversationId)
      .find((m) => m.stream?.state !== 'streaming' && m.attachments.length > 0),
  );
  return JSON.stringify({ text: message.text, attachments: message.attachments });
}

describe('document links in Teams', () => {
  it('keeps a quoted link only when it leads to an http(s) URL', async () => {
    const json = await cardJson('Where are the travel rules for the summer trip?');
    expect(json).toContain('are on the travel page and on [the portal](https://portal.example/a%28b%29) for');
    expect(json).not.toContain('javascript:');
  });

  it('links a source to its own normalised URL, under a title that cannot hold a link', async () => {
    const json = await cardJson('When does the office close early on Friday?');
    expect(json).toContain(
      '[(Click here)(https://phish.example/x) Closing notice](https://intranet.example/wiki/Closing%7Cthe%20SSO%20page)',
    );
    expect(json).not.toContain('[Click here](');
  });

  it('renders Markdown links and source links only from http(s) URLs', () => {
    expect(safeMarkdown('[a](https://x.example/p(1)) [b](javascript:alert(1)) [c](/rel) [](ftp://h/)')).toBe(
      '[a](https://x.example/p%281%29) b c ',
    );
    expect(markdownLink('https://x.example/a b(c)', 'Leave [policy]')).toBe(
      '[Leave (policy)](https://x.example/a%20b%28c%29)',
    );
    expect(markdownLink('data:text/html,hi', 'Leave')).toBe('Leave');
  });
});
