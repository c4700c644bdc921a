/**
 * A replica whose own clock runs an hour fast, on real SQLite and PostgreSQL: its questions are
 * recorded on the database's clock, so another replica recovers them as soon as they are abandoned
 * (not an hour later); it reads the follow-up history and rate limits of questions others recorded
 * by database time too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerResult, IncomingQuestion, Principal } from '../../src/core/types.js';
import { released } from '../../src/guardrails/checked-text.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const HOUR_MS = 3_600_000;

const ALICE: Principal = { email: 'alice@corp.example', groups: [] };

function asked(text: string): IncomingQuestion {
  return {
    text,
    asker: ALICE,
    place: {
      platform: 'teams',
      kind: 'channel',
      channelId: '19:general',
      threadId: 'root-1',
      readers: [ALICE],
    },
    history: [],
  };
}

function answered(questionId: string, text: string): AnswerResult {
  return {
    questionId,
    status: 'answered',
    answer: released(text),
    language: 'en',
    citations: [],
    verdict: { action: 'allow', findings: [], text: released(text) },
    generator: 'extractive',
    extractive: true,
    retrievedChunkIds: [],
    latencyMs: 5,
  };
}

describe.each(DIALECTS)('a replica whose host clock runs an hour fast, on $name', ({ create }) => {
  let db: TestDatabase;
  let fast: Store;
  let other: Store;

  beforeEach(async () => {
    db = await create();
    fast = await db.open();
    other = await db.open();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await fast.close();
    await other.close();
    await db.dispose();
  });

  /** The host clock (Date) of this process runs fast while `work` runs; the database's does not. */
  async function withFastClock<T>(work: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + HOUR_MS);
    try {
      return await work();
    } finally {
      vi.useRealTimers();
    }
  }

  it('records questions that another replica recovers once their worker is dead', async () => {
    const id = await withFastClock(() => fast.questions.create(asked('vpn')));
    // The recording worker never beats: it is dead. Recovery waits 1 s of database time.
    const claimAbandoned = () =>
      other.questions.claimAbandoned({
        olderThanMs: 1_000,
        silentForMs: 1_000,
        limit: 10,
        platforms: ['teams'],
      });
    await expect
      .poll(async () => (await claimAbandoned()).map((q) => q.id), { timeout: 30_000 })
      .toEqual([id]);
  });

  it('reads the follow-up history and counts the rate limit of questions recorded by others, by database time', async () => {
    const id = await other.questions.create(asked('vpn'));
    expect(await other.questions.complete(id, answered(id, 'Start GlobalConnect.'))).toBe(true);
    await withFastClock(async () => {
      const turns = await fast.questions.recentTurns(
        { platform: 'teams', channelId: '19:general', threadId: 'root-1' },
        { sinceMs: 60_000, limit: 5 },
      );
      expect(turns.map((t) => t.text)).toEqual(['vpn', 'Start GlobalConnect.']);
      expect(await fast.questions.countSince(ALICE.email, 60_000)).toBe(1);
    });
  });
});
