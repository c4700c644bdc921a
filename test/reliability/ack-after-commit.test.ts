/**
 * A Slack question is acknowledged only once its record has committed, over HTTP and Socket Mode,
 * against a real PostgreSQL whose commit the test makes slow by holding a lock the record needs
 * (`LOCK TABLE processed_events`: every claim's INSERT waits for it). A record that cannot commit
 * in time is not acknowledged (503): Slack's retry then finds the question claimed once the first
 * record commits, and the thread gets one answer.
 *
 * SQLite is not used here: better-sqlite3 waits for a lock synchronously, freezing the whole
 * process (this test included) for up to its busy timeout, so the ack cannot be sent early there.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/ports.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import type { Store } from '../../src/store/store.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness, testDirectory } from '../bot/slack-harness.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import { eventCallback } from '../fakes/slack-events.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_TOKEN,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  FakeSlackServer,
} from '../fakes/slack-server.js';
import { FakeSocketModeServer } from '../fakes/slack-socket.js';
import { postgresDatabase, type TestDatabase } from '../helpers/databases.js';

/** The fake pipeline, recording on arrival through the real store (claim and question in one transaction). */
function recordingAnswers(store: Store): AnswerService {
  const fake = new FakeAnswers();
  return {
    ask: (question, options) => fake.ask(question, options),
    recordClaimed: (question, claims) => store.questions.createClaimed(question, claims),
  };
}

/** A session of the test's own that holds the lock every claim needs, until released. */
class ClaimLock {
  private constructor(private readonly client: pg.Client) {}

  static async take(url: string): Promise<ClaimLock> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('begin');
    await client.query('lock table processed_events in share mode');
    return new ClaimLock(client);
  }

  /** Resolves once some session waits for this lock (the record is stuck on it). */
  async waitedOn(): Promise<void> {
    await expect
      .poll(
        async () => {
          const { rows } = await this.client.query<{ n: string }>(
            "select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation where not l.granted and c.relname = 'processed_events'",
          );
          return Number(rows[0]!.n);
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBeGreaterThan(0);
  }

  async release(): Promise<void> {
    await this.client.query('commit');
    await this.client.end();
  }
}

async function recorded(url: string, eventId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from questions where event_id = $1',
      [eventId],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Every message PolyDesk put in the thread: answers, notices, placeholders and streams, finished or not. */
const botMessages = (slack: FakeSlackServer, ts: string) =>
  slack.thread(CHANNEL, ts).filter((m) => m.botId === FAKE_BOT_ID);

describe('Slack over HTTP, on a slow PostgreSQL commit', () => {
  let db: TestDatabase;
  let store: Store;
  let h: SlackHarness;
  beforeEach(async () => {
    db = await postgresDatabase();
    store = await db.open();
    h = await startSlackHarness({ store, answers: recordingAnswers(store) });
    await h.adapter.start();
  });
  afterEach(async () => {
    await h?.close();
    await store?.close();
    await db?.dispose();
  });

  function mention(text: string, eventId: string) {
    const raw = `<@${FAKE_BOT_USER_ID}> ${text}`;
    const message = h.slack.addUserMessage({ channel: CHANNEL, user: ALICE, text: raw });
    return {
      ts: message.ts,
      post: eventCallback(
        { type: 'app_mention', channel: CHANNEL, user: ALICE, text: raw, ts: message.ts },
        eventId,
      ),
    };
  }

  it('acknowledges only after the record has committed', async () => {
    const lock = await ClaimLock.take(db.databaseUrl!);
    const question = mention('How do I connect to the VPN?', 'EvSLOW1');
    let acknowledged = false;
    const response = h.send(question.post).then(async (r) => {
      acknowledged = true;
      // Read by another session the moment the ack arrives: the record is committed already.
      return { status: r.status, recordedWhenAcked: await recorded(db.databaseUrl!, 'EvSLOW1') };
    });
    await lock.waitedOn();
    expect(acknowledged).toBe(false);
    expect(await recorded(db.databaseUrl!, 'EvSLOW1')).toBe(0);
    await lock.release();
    const { status, recordedWhenAcked } = await response;
    if (status === 200) expect(recordedWhenAcked).toBe(1);
    else expect(status).toBe(503); // the machine was too busy to commit within the hold: not acked
    await h.slack.waitFor(() =>
      botMessages(h.slack, question.ts).some((m) => !m.streaming && m.blocks.length > 0),
    );
  });

  it('does not acknowledge a record that has not committed in time; Slack’s retry then gets one answer', async () => {
    const lock = await ClaimLock.take(db.databaseUrl!);
    const question = mention('How do I connect to the VPN?', 'EvSLOW2');
    const first = h.send(question.post);
    await lock.waitedOn();
    // Held past the ack's limit: the request is answered, but not with the 200 that acknowledges.
    expect((await first).status).toBe(503);
    expect(h.logs.some((l) => l.event === 'slack.ack_withheld')).toBe(true);
    expect(await recorded(db.databaseUrl!, 'EvSLOW2')).toBe(0);
    expect(botMessages(h.slack, question.ts)).toEqual([]);

    await lock.release();
    // Slack delivers the event again; its claim waits for (or finds) the first record.
    const retry = await h.send({ ...question.post, retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(await recorded(db.databaseUrl!, 'EvSLOW2')).toBe(1);
    await h.slack.waitFor(() =>
      botMessages(h.slack, question.ts).some((m) => !m.streaming && m.blocks.length > 0),
    );
    // The retry was judged a duplicate before its 200, and the first delivery's answer is posted:
    // nothing else can come. Every message counts, streams included.
    expect(botMessages(h.slack, question.ts)).toHaveLength(1);
  }, 30_000);
});

describe('Slack Socket Mode, on a slow PostgreSQL commit', () => {
  let db: TestDatabase;
  let store: Store;
  let slack: FakeSlackServer;
  let socket: FakeSocketModeServer;
  let adapter: SlackAdapter;
  /** Resolves when the receiver gives up holding an ack (the record took longer than its limit). */
  let withheld: Promise<'withheld'>;
  beforeEach(async () => {
    let onWithheld!: () => void;
    withheld = new Promise((resolve) => {
      onWithheld = () => resolve('withheld');
    });
    db = await postgresDatabase();
    store = await db.open();
    slack = await FakeSlackServer.start();
    socket = await FakeSocketModeServer.start(slack);
    slack.addUser({ id: ALICE, email: 'alice@corp.example', locale: 'en-US' });
    slack.addChannel(CHANNEL, [ALICE, FAKE_BOT_USER_ID]);
    adapter = await createSlackAdapter({
      botToken: FAKE_BOT_TOKEN,
      appToken: 'xapp-1-A0FAKE-fake',
      apiUrl: slack.apiUrl,
      answers: recordingAnswers(store),
      directory: testDirectory,
      claims: store.events,
      feedback: store.feedback,
      logger: (_level, event) => {
        if (event === 'slack.ack_withheld') onWithheld();
      },
      editIntervalMs: 50,
    });
    await adapter.start();
    await socket.whenConnected();
  });
  afterEach(async () => {
    await adapter?.stop();
    await socket?.close();
    await slack?.close();
    await store?.close();
    await db?.dispose();
  });

  it('acknowledges the envelope only after the record has committed', async () => {
    const message = slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> VPN?`,
    });
    const lock = await ClaimLock.take(db.databaseUrl!);
    let acknowledged = false;
    const envelope = {
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0FAKE',
      type: 'event_callback',
      event_id: 'EvSOCKSLOW',
      event_time: 1,
      event: { type: 'app_mention', channel: CHANNEL, user: ALICE, text: message.text, ts: message.ts },
      authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
    };
    /** Resolves at the ack with the number of records of the event the database then holds. */
    const recordedAtAck = (sent: Promise<unknown>) =>
      sent.then(async () => {
        acknowledged = true;
        return recorded(db.databaseUrl!, 'EvSOCKSLOW');
      });
    const ack = recordedAtAck(socket.send('events_api', envelope));
    await lock.waitedOn();
    expect(acknowledged).toBe(false);
    expect(socket.acks).toEqual([]);
    await lock.release();
    // The ack comes once the record has committed; or, on a machine so busy that the record took
    // longer than the receiver holds an ack, never, and Slack sends the envelope again: the
    // duplicate is acknowledged, and the first record is there by then too.
    const first = await Promise.race([ack, withheld]);
    if (first === 'withheld') {
      expect(socket.acks).toEqual([]);
      expect(await recordedAtAck(socket.send('events_api', envelope))).toBe(1);
    } else {
      expect(first).toBe(1);
    }
    await slack.waitFor(() =>
      botMessages(slack, message.ts).some((m) => !m.streaming && m.blocks.length > 0),
    );
    expect(botMessages(slack, message.ts)).toHaveLength(1);
  });
});
