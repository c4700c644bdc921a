/**
 * Bodies are limited while they are read, before any signature or token is checked: a 5 MB request
 * to /slack/events or /api/messages is refused with 413 long before its last byte is sent, and
 * nothing in it is processed, even when it is correctly signed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticDirectory } from '../../src/directory.js';
import { teamsActivity } from '../fakes/bot-connector.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import { TEST_SIGNING_SECRET, eventCallback, slackSignature } from '../fakes/slack-events.js';
import { FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { postOversized } from '../helpers/oversized-body.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness } from './slack-harness.js';
import { HANA, type TeamsHarness, startTeams } from './teams-setup.js';

const FIVE_MB = 5 * 1024 * 1024;

describe('POST /slack/events with a 5 MB body', () => {
  let h: SlackHarness;
  let answers: FakeAnswers;

  beforeAll(async () => {
    answers = new FakeAnswers();
    h = await startSlackHarness({ answers });
    await h.adapter.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A correctly signed app_mention whose question is padded to 5 MB. */
  function signedHugeMention(): { body: Buffer; headers: Record<string, string> } {
    const message = h.slack.addUserMessage({ channel: CHANNEL, user: ALICE, text: 'VPN?' });
    const post = eventCallback({
      type: 'app_mention',
      channel: CHANNEL,
      user: ALICE,
      ts: message.ts,
      text: `<@${FAKE_BOT_USER_ID}> How do I set up the VPN? ${'x'.repeat(FIVE_MB)}`,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      body: Buffer.from(post.body),
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, post.body),
      },
    };
  }

  it('is refused with 413 as soon as its Content-Length is seen, and nothing is processed', async () => {
    const { body, headers } = signedHugeMention();
    const outcome = await postOversized({ url: h.eventsUrl, body, headers });
    expect(outcome.status).toBe(413);
    expect(outcome.sent).toBeLessThan(body.length);
    expect(answers.questions).toEqual([]);
    expect(h.logs).toContainEqual(expect.objectContaining({ event: 'slack.request_rejected' }));
  });

  it('is refused while it streams in without a length, long before its end, and nothing is processed', async () => {
    const { body, headers } = signedHugeMention();
    const outcome = await postOversized({ url: h.eventsUrl, body, headers, declareLength: false });
    if (outcome.status !== undefined) expect(outcome.status).toBe(413);
    expect(outcome.sent).toBeLessThan(body.length / 2);
    expect(answers.questions).toEqual([]);
    expect(h.slack.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });
});

describe('POST /api/messages with a 5 MB body', () => {
  let harness: TeamsHarness;
  let answers: FakeAnswers;

  beforeAll(async () => {
    answers = new FakeAnswers();
    harness = await startTeams({
      answers,
      directory: new StaticDirectory(),
      claims: { claim: async () => true },
      feedback: { record: async () => {} },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  function hugeActivity(): Buffer {
    const activity = teamsActivity(harness.connector, {
      scope: 'personal',
      from: HANA,
      text: `How do I set up the VPN? ${'x'.repeat(FIVE_MB)}`,
    });
    return Buffer.from(JSON.stringify(activity));
  }

  it('is refused with 413 as soon as its Content-Length is seen, or while it streams in', async () => {
    const headers = { 'content-type': 'application/json' };
    const declared = await postOversized({ url: harness.endpoint, body: hugeActivity(), headers });
    expect(declared.status).toBe(413);
    const streamed = await postOversized({
      url: harness.endpoint,
      body: hugeActivity(),
      headers,
      declareLength: false,
    });
    if (streamed.status !== undefined) expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(FIVE_MB / 2);
    await harness.teams.idle();
    expect(answers.questions).toEqual([]);
    expect(harness.connector.requests).toEqual([]);
  });
});
