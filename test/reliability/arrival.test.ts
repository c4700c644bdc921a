/**
 * Record at arrival on Slack: an event is acknowledged only once its question is claimed and
 * recorded (so Slack re-delivers it if the process dies first), a duplicate is not answered, and a
 * question that cannot be recorded (database down) gets an apology instead of silence.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerService, AskOptions } from '../../src/answer/ports.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness, visibleText } from '../bot/slack-harness.js';

/** The fake pipeline, recording questions through a transaction the test can hold or fail. */
class ArrivingAnswers implements AnswerService {
  readonly inner = new FakeAnswers();
  readonly claimed = new Set<string>();
  readonly recorded: IncomingQuestion[] = [];
  gate: Promise<void> = Promise.resolve();
  failing = false;
  onRecord: () => void = () => {};

  ask(question: IncomingQuestion, options?: AskOptions) {
    return this.inner.ask(question, options);
  }

  async recordClaimed(question: IncomingQuestion, claims: readonly string[]) {
    this.onRecord();
    await this.gate;
    if (this.failing) throw new Error('connection terminated');
    if (claims.some((c) => this.claimed.has(c))) return undefined;
    for (const c of claims) this.claimed.add(c);
    this.recorded.push(question);
    return `q${this.recorded.length}`;
  }
}

describe('a Slack question on arrival', () => {
  let h: SlackHarness;
  let answers: ArrivingAnswers;
  beforeEach(async () => {
    answers = new ArrivingAnswers();
    h = await startSlackHarness({ answers });
    await h.adapter.start();
  });
  afterEach(async () => {
    await h.close();
  });

  function mention(text: string) {
    const raw = `<@${FAKE_BOT_USER_ID}> ${text}`;
    const message = h.slack.addUserMessage({ channel: CHANNEL, user: ALICE, text: raw });
    return {
      ts: message.ts,
      post: eventCallback({ type: 'app_mention', channel: CHANNEL, user: ALICE, text: raw, ts: message.ts }),
    };
  }
  const replies = (ts: string) =>
    h.slack.thread(CHANNEL, ts).filter((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0);

  it('is acknowledged only once it is recorded, and answered once however often it is delivered', async () => {
    let release!: () => void;
    answers.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const recording = new Promise<void>((resolve) => {
      answers.onRecord = resolve;
    });
    const question = mention('How do I connect to the VPN?');
    let acknowledged = false;
    const response = h.send(question.post).then((r) => {
      acknowledged = true;
      return r;
    });
    await recording;
    expect(acknowledged).toBe(false);
    release();
    expect((await response).status).toBe(200);
    expect(answers.recorded).toHaveLength(1);
    expect(answers.recorded[0]!.place.delivery).toMatchObject({ channel: CHANNEL, ts: question.ts });

    expect((await h.send({ ...question.post, retryNum: 1 })).status).toBe(200);
    await h.slack.waitFor(() => replies(question.ts).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replies(question.ts)).toHaveLength(1);
    expect(answers.inner.questions).toHaveLength(1);
  });

  it('apologises when the question cannot be recorded', async () => {
    answers.failing = true;
    const question = mention('How do I connect to the VPN?');
    expect((await h.send(question.post)).status).toBe(200);
    const [reply] = await h.slack.waitFor(() =>
      replies(question.ts).length > 0 ? replies(question.ts) : undefined,
    );
    expect(visibleText(reply!)).toMatch(/Sorry, something went wrong/);
    expect(answers.inner.questions).toHaveLength(0);
  });
});
