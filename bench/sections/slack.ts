/**
 * Slack: how fast `/slack/events` acknowledges (Slack's limit is 3 s) alone and under a burst of
 * concurrent signed events, and how long until the asker sees progress and the final answer.
 * `serve` as the command starts it (bench/serve-instance.ts: admission, adapters, HTTP server, sample
 * knowledge base, extractive generator, guardrails, SQLite), the fake Slack Web API on loopback;
 * load generator, server and fake share this process, the burst is sent from a worker thread.
 */
import { postBurst } from '../burst-sender.js';
import {
  eventCallback,
  postSigned,
  slackSignature,
  TEST_SIGNING_SECRET,
} from '../../test/fakes/slack-events.js';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FakeSlackServer } from '../../test/fakes/slack-server.js';
import { type BenchReport, percentile } from '../report.js';
import { admissionNote, type BenchServe, isBusyReply, startBenchServe } from '../serve-instance.js';

const QUESTIONS = [
  'How do I connect to the VPN?',
  'How many days of annual leave do I get?',
  '有給休暇は何日ありますか？',
  '¿Cómo solicito un portátil?',
  'How do I reset my password?',
  'What is the remote work policy?',
];
const CHANNEL = 'CBENCH';
const MEMBERS = Array.from({ length: 12 }, (_, i) => `UMEMBER${i}`);
const SEQUENTIAL = 30;
const BURST = 300;
const CONNECTIONS = 25;

interface Timing {
  readonly ack: number;
  readonly progress: number;
  readonly final: number;
  /** The final message was the "busy" notice: admission refused the question. */
  readonly busy: boolean;
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Slack: acknowledgement and answer latency');
  const slack = await FakeSlackServer.start();
  let serve: BenchServe | undefined;
  try {
    for (const id of MEMBERS)
      slack.addUser({ id, email: `${id.toLowerCase()}@corp.example`, locale: 'en-US' });
    slack.addChannel(CHANNEL, [...MEMBERS, FAKE_BOT_USER_ID]);
    slack.membersPageSize = 200;
    serve = await startBenchServe('slack', {
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    const url = `${serve.url}/slack/events`;

    let n = 0;
    const mention = async (): Promise<{ ack: number; sent: number; ts: string }> => {
      const i = n++;
      const user = MEMBERS[i % MEMBERS.length]!;
      const text = `<@${FAKE_BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`;
      const message = slack.addUserMessage({ channel: CHANNEL, user, text });
      const post = eventCallback(
        { type: 'app_mention', channel: CHANNEL, user, text, ts: message.ts },
        `EvBENCH${i}`,
      );
      const sent = performance.now();
      const response = await postSigned(url, post);
      const ack = performance.now() - sent;
      if (response.status !== 200) throw new Error(`/slack/events answered ${response.status}`);
      return { ack, sent, ts: message.ts };
    };
    /** Once every asked thread has its final answer: ack, progress and final times, each from its own send. */
    const timings = async (
      asked: readonly { ack: number; sent: number; ts: string }[],
    ): Promise<Timing[]> => {
      for (;;) {
        const seen = replyTimes(slack);
        const all = asked.map((a) => ({ a, t: seen.get(a.ts) }));
        if (all.every(({ t }) => t?.final !== undefined && t.progress !== undefined)) {
          return all.map(({ a, t }) => ({
            ack: a.ack,
            progress: t!.progress! - a.sent,
            final: t!.final! - a.sent,
            busy: isBusyReply(t!.finalText ?? ''),
          }));
        }
        await new Promise((resolve) => setTimeout(resolve, asked.length > 1 ? 100 : 2));
      }
    };

    await timings([await mention()]); // warm-up: caches, JIT, index
    const rows: (string | number)[][] = [];
    const sequential = async (label: string) => {
      const all: Timing[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) all.push(...(await timings([await mention()])));
      rows.push(row(label, all));
    };
    await sequential('one at a time, status + native streaming');
    slack.disable('assistant.threads.setStatus', 'missing_scope');
    slack.disable('chat.startStream', 'not_allowed');
    await sequential('one at a time, placeholder + edits');

    // The burst comes from a worker thread, so that sending it does not compete with the server's event loop.
    const burstPosts = Array.from({ length: BURST }, () => {
      const i = n++;
      const user = MEMBERS[i % MEMBERS.length]!;
      const text = `<@${FAKE_BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`;
      const message = slack.addUserMessage({ channel: CHANNEL, user, text });
      const post = eventCallback(
        { type: 'app_mention', channel: CHANNEL, user, text, ts: message.ts },
        `EvBENCH${i}`,
      );
      return { ts: message.ts, body: post.body, headers: signedHeaders(post.body) };
    });
    const started = performance.now();
    const sent = await postBurst(url, burstPosts, CONNECTIONS);
    const burst = sent.map((r, i) => ({
      ack: r.ack,
      sent: r.sentAt - performance.timeOrigin,
      ts: burstPosts[i]!.ts,
    }));
    const burstTimings = await timings(burst);
    const seconds = (performance.now() - started) / 1000;
    rows.push(
      row(`burst of ${burst.length} on ${CONNECTIONS} connections, placeholder + edits`, burstTimings),
    );
    report.table(
      [
        'scenario',
        'n',
        'ack p50 ms',
        'ack p99 ms',
        'progress shown p50 ms',
        'final p50 ms',
        'final p99 ms',
        '"busy" replies',
      ],
      rows,
    );
    const answered = burstTimings.filter((t) => !t.busy).length;
    report.note(
      `Burst: ${burst.length} mentions (sent from a worker thread), ${answered} answered in ${seconds.toFixed(1)} s ` +
        `(${(answered / seconds).toFixed(1)} answers/s); every request acknowledged once the question is claimed and ` +
        'recorded, before any retrieval. "Progress shown" is the loading status or the placeholder reaching the ' +
        '(fake) Slack API; "final" the message with sources and feedback buttons; n, progress and final count ' +
        'answered questions, ack every request; a "busy" reply is admission refusing a question (the queue was full). ' +
        `${admissionNote(serve.config)}. Extractive generator, ${MEMBERS.length}-member channel (readers resolved ` +
        'once, then cached), sample knowledge base ingested by serve on first start.',
    );
  } finally {
    await serve?.stop();
    await slack.close();
  }
}

function signedHeaders(body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
  };
}

/** Latencies of the answered questions; acknowledgements of every request; how many got "busy". */
function row(label: string, timings: readonly Timing[]): (string | number)[] {
  const answered = timings.filter((t) => !t.busy);
  const pick = (key: 'progress' | 'final') => answered.map((t) => t[key]);
  const acks = timings.map((t) => t.ack);
  return [
    label,
    answered.length,
    percentile(acks, 50),
    percentile(acks, 99),
    percentile(pick('progress'), 50),
    percentile(pick('final'), 50),
    percentile(pick('final'), 99),
    timings.length - answered.length,
  ];
}

interface ReplyTime {
  progress?: number;
  final?: number;
  finalText?: string;
}

/**
 * Per thread, when the loading status or placeholder and when the final message (with blocks)
 * reached the fake Slack API, and the final message's text (one pass over the recorded calls).
 */
function replyTimes(slack: FakeSlackServer): Map<string, ReplyTime> {
  const threadOf = new Map(slack.messages.map((m) => [m.ts, m.threadTs]));
  const times = new Map<string, ReplyTime>();
  for (const call of slack.calls) {
    const thread =
      typeof call.args['thread_ts'] === 'string'
        ? call.args['thread_ts']
        : threadOf.get(String(call.args['ts']));
    if (!thread) continue;
    const entry = times.get(thread) ?? {};
    if (
      entry.progress === undefined &&
      (call.method === 'assistant.threads.setStatus' || call.method === 'chat.postMessage')
    ) {
      entry.progress = call.at;
    }
    if (entry.final === undefined && Array.isArray(call.args['blocks']) && call.args['blocks'].length > 0) {
      entry.final = call.at;
      entry.finalText = typeof call.args['text'] === 'string' ? call.args['text'] : '';
    }
    times.set(thread, entry);
  }
  return times;
}
