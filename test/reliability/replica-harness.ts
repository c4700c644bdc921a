/**
 * Several `polydesk serve` processes behind a pretend load balancer, on loopback: each replica is a
 * child process with its own PORT and DATA_DIR on one shared DATABASE_URL, answering Slack events
 * from the fake Slack server. `SlackSender` delivers signed events the way Slack does: an event
 * not acknowledged with a 200 (a replica died, or was too slow) is sent again, to another replica.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { eventCallback, postSigned, TEST_SIGNING_SECRET } from '../fakes/slack-events.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_TOKEN,
  FAKE_BOT_USER_ID,
  type FakeSlackServer,
} from '../fakes/slack-server.js';
import { BIN, ROOT } from '../helpers/cli.js';

export interface Replica {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly eventsUrl: string;
  /** Everything the process wrote to stderr (its JSON log lines). */
  logs(): string;
  readonly exited: Promise<number | null>;
}

export interface ReplicaOptions {
  readonly name: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly slackApiUrl: string;
  readonly env?: Record<string, string>;
}

/** Starts `polydesk serve` on a free port and waits until it listens. */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      POLYDESK_SAMPLES: '0',
      ...options.env,
    },
  });
  let logs = '';
  child.stdout.setEncoding('utf8').on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start:\n${logs}`)), 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      logs += chunk;
      const match = /"event":"server.listening","url":"([^"]+)"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code}:\n${logs}`));
    });
  });
  return { name: options.name, child, url, eventsUrl: `${url}/slack/events`, logs: () => logs, exited };
}

/** Stops a replica (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopReplica(replica: Replica, graceMs = 10_000): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  replica.child.kill('SIGTERM');
  const timer = setTimeout(() => replica.child.kill('SIGKILL'), graceMs);
  await replica.exited;
  clearTimeout(timer);
}

/** A workspace in the fake: `users` people with e-mails, in `channels` channels with the bot. */
export function populateWorkspace(
  slack: FakeSlackServer,
  users: number,
  channels: number,
): {
  users: string[];
  channels: string[];
} {
  const ids = Array.from({ length: users }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
  for (const [i, id] of ids.entries())
    slack.addUser({ id, email: `person${i + 1}@lumenworks.example`, locale: 'en-US' });
  slack.addUser({ id: FAKE_BOT_USER_ID, isBot: true });
  const channelIds = Array.from({ length: channels }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
  for (const id of channelIds) slack.addChannel(id, [...ids, FAKE_BOT_USER_ID]);
  slack.membersPageSize = 100;
  return { users: ids, channels: channelIds };
}

/** Questions whose answers are in the sample knowledge base, in several languages. */
export const SAMPLE_QUESTIONS: readonly string[] = [
  'How many days of paid leave do I get?',
  'How do I reset my password?',
  'How do I set up the VPN?',
  'How do I book a meeting room?',
  'What do I do if I lose my badge?',
  'How do I request a new laptop?',
  '有給休暇は何日もらえますか？',
  'VPN の設定方法を教えてください',
  '如何重置密码？',
  '¿Cuántos días de vacaciones tengo?',
  'How do I connect to the guest Wi-Fi?',
  'How do I set up multi-factor authentication?',
];

/** One question asked in a channel thread, as Slack stores it before sending the event. */
export interface AskedQuestion {
  readonly channel: string;
  readonly ts: string;
  readonly eventId: string;
  readonly body: ReturnType<typeof eventCallback>;
}

export function mention(
  slack: FakeSlackServer,
  channel: string,
  user: string,
  text: string,
  n: number,
): AskedQuestion {
  const raw = `<@${FAKE_BOT_USER_ID}> ${text}`;
  const message = slack.addUserMessage({ channel, user, text: raw });
  const eventId = `EvQ${String(n).padStart(5, '0')}`;
  return {
    channel,
    ts: message.ts,
    eventId,
    body: eventCallback({ type: 'app_mention', channel, user, text: raw, ts: message.ts }, eventId),
  };
}

export interface Delivery {
  /** Milliseconds from sending to the first 200 (an acknowledgement), or undefined if never. */
  readonly ackMs: number | undefined;
  readonly attempts: number;
}

/**
 * Sends events as Slack does: to `preferred`, and when the request fails or is not answered with
 * 200 within 3 s, again (with `X-Slack-Retry-Num`) to the next live replica, at most 3 retries.
 */
export async function sendEvent(
  replicas: readonly Replica[],
  preferred: number,
  question: AskedQuestion,
  retryNum?: number,
): Promise<Delivery> {
  const started = performance.now();
  let attempts = 0;
  for (let retry = retryNum ?? 0; attempts < 4; retry++) {
    const live = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
    if (live.length === 0) break;
    const replica = live[(preferred + attempts) % live.length]!;
    attempts += 1;
    try {
      const response = await postSigned(replica.eventsUrl, {
        ...question.body,
        ...(retry > 0 ? { retryNum: retry } : {}),
      }).then(async (r) => {
        await r.arrayBuffer();
        return r;
      });
      if (response.status === 200) return { ackMs: performance.now() - started, attempts };
    } catch {
      // connection refused or reset: the replica is gone
    }
  }
  return { ackMs: undefined, attempts };
}

/** Runs `tasks` with at most `limit` at once. */
export async function pooled<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** The bot's finished replies in a question's thread (answers and notices; not unfinished streams). */
export function repliesTo(slack: FakeSlackServer, question: { channel: string; ts: string }) {
  return slack
    .thread(question.channel, question.ts)
    .filter((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0);
}

/**
 * Every message PolyDesk put in a question's thread: answers, notices, placeholders and streams,
 * finished or not. A half-streamed answer followed by a second one is two: a duplicate.
 */
export function everyBotMessage(slack: FakeSlackServer, question: { channel: string; ts: string }) {
  return slack.thread(question.channel, question.ts).filter((m) => m.botId === FAKE_BOT_ID);
}

/** Resolves once every question has at least one finished reply; throws after `timeoutMs`. */
export async function allReplied(
  slack: FakeSlackServer,
  questions: readonly AskedQuestion[],
  timeoutMs: number,
): Promise<void> {
  const pending = new Set(questions);
  await slack.waitFor(() => {
    for (const q of pending) if (repliesTo(slack, q).length > 0) pending.delete(q);
    return pending.size === 0;
  }, timeoutMs);
}

/** Time (performance.now) at which each thread got its first finished reply, read from the fake's call log. */
export function firstReplyTimes(slack: FakeSlackServer): Map<string, number> {
  const threadOf = new Map(slack.messages.map((m) => [`${m.channel}:${m.ts}`, m.threadTs]));
  const times = new Map<string, number>();
  for (const call of slack.calls) {
    const args = call.args as Record<string, unknown>;
    const channel = String(args['channel'] ?? '');
    let thread: string | undefined;
    if (call.method === 'chat.postMessage' && Array.isArray(args['blocks']))
      thread = args['thread_ts'] as string | undefined;
    else if (
      call.method === 'chat.stopStream' ||
      (call.method === 'chat.update' && Array.isArray(args['blocks']))
    )
      thread = threadOf.get(`${channel}:${String(args['ts'])}`);
    if (!thread) continue;
    const key = `${channel}:${thread}`;
    if (!times.has(key)) times.set(key, call.at);
  }
  return times;
}
