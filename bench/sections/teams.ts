/**
 * Teams: how fast `/api/messages` acknowledges, and how long until the asker sees the first reply
 * activity (the informative stream update in a 1:1 chat, the typing indicator in a channel) and the
 * answer card, one at a time and under a burst of concurrent activities. `serve` as the command
 * starts it (bench/serve-instance.ts: admission, adapters, HTTP server, sample knowledge base,
 * extractive generator, guardrails, SQLite), the fake Bot Connector on loopback (TEAMS_EMULATOR=1,
 * unauthenticated local mode: no JWT checks); load generator, server and fake share this process,
 * the burst is sent from a worker thread.
 */
import { postBurst } from '../burst-sender.js';
import {
  type ActivityInit,
  FakeBotConnector,
  type FakeMember,
  teamsActivity,
} from '../../test/fakes/bot-connector.js';
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
const TEAM = '19:bench-team@thread.tacv2';
const MEMBERS: FakeMember[] = Array.from({ length: 12 }, (_, i) => ({
  id: `29:member-${i}`,
  name: `Member ${i}`,
  email: `member${i}@corp.example`,
  aadObjectId: `aad-member-${i}`,
}));
const SEQUENTIAL = 30;
const BURST = 300;
const CONNECTIONS = 25;

interface Timing {
  readonly ack: number;
  readonly first: number;
  readonly card: number;
  /** The final message was the "busy" notice: admission refused the question. */
  readonly busy: boolean;
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Teams: acknowledgement, first reply activity and answer card');
  const connector = await FakeBotConnector.start();
  let serve: BenchServe | undefined;
  try {
    connector.addMembers(TEAM, MEMBERS);
    connector.pageSize = 500;
    // The fake Bot Connector issues no tokens: the Emulator mode, as on a developer's machine.
    serve = await startBenchServe('teams', { TEAMS_EMULATOR: '1' });
    const url = `${serve.url}/api/messages`;

    let n = 0;
    const activity = (scope: 'personal' | 'channel'): Record<string, unknown> => {
      const i = n++;
      const from = MEMBERS[i % MEMBERS.length]!;
      const init: ActivityInit =
        scope === 'personal'
          ? { scope, from, conversationId: `a:1bench-${i}`, text: QUESTIONS[i % QUESTIONS.length]! }
          : { scope, from, teamId: TEAM, mentionBot: true, text: QUESTIONS[i % QUESTIONS.length]! };
      return teamsActivity(connector, init);
    };
    // When each conversation got its first activity and its first message, recorded as they arrive.
    const arrivals = new Map<
      string,
      { first?: number; card?: number; text?: string; done?: (at: number) => void }
    >();
    connector.onPosted = (posted) => {
      const entry = arrivals.get(posted.conversationId) ?? {};
      entry.first ??= posted.at;
      arrivals.set(posted.conversationId, entry);
      if (posted.activity['type'] === 'message' && entry.card === undefined) {
        entry.card = posted.at;
        entry.text = typeof posted.activity['text'] === 'string' ? posted.activity['text'] : '';
        entry.done?.(posted.at);
      }
    };
    const cardAt = (conversation: string) =>
      new Promise<number>((resolve, reject) => {
        const entry = arrivals.get(conversation);
        if (entry?.card !== undefined) return resolve(entry.card);
        const timer = setTimeout(() => reject(new Error('no answer card within 60 s')), 60_000);
        const waiting = entry ?? {};
        waiting.done = (at) => {
          clearTimeout(timer);
          resolve(at);
        };
        arrivals.set(conversation, waiting);
      });
    const timings = async (asked: {
      activity: Record<string, unknown>;
      ack: number;
      sent: number;
    }): Promise<Timing> => {
      const conversation = (asked.activity['conversation'] as { id: string }).id;
      const card = await cardAt(conversation);
      return {
        ack: asked.ack,
        first: arrivals.get(conversation)!.first! - asked.sent,
        card: card - asked.sent,
        busy: isBusyReply(arrivals.get(conversation)!.text ?? ''),
      };
    };
    const askOne = async (scope: 'personal' | 'channel') => {
      const a = activity(scope);
      const sent = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(a),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}`);
      return timings({ activity: a, ack: performance.now() - sent, sent });
    };

    await askOne('personal'); // warm-up: caches, JIT, index
    await askOne('channel'); // and the team roster, cached from here on
    const rows: (string | number)[][] = [];
    for (const scope of ['personal', 'channel'] as const) {
      const all: Timing[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) all.push(await askOne(scope));
      rows.push(row(`one at a time, ${label(scope)}`, all));
    }
    const notes: string[] = [];
    for (const scope of ['personal', 'channel'] as const) {
      const activities = Array.from({ length: BURST }, () => activity(scope));
      const started = performance.now();
      const sent = await postBurst(
        url,
        activities.map((a) => ({ body: JSON.stringify(a), headers: { 'content-type': 'application/json' } })),
        CONNECTIONS,
      );
      const burst = await Promise.all(
        sent.map((r, i) =>
          timings({ activity: activities[i]!, ack: r.ack, sent: r.sentAt - performance.timeOrigin }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      rows.push(row(`burst of ${BURST} on ${CONNECTIONS} connections, ${label(scope)}`, burst));
      const answered = burst.filter((t) => !t.busy).length;
      notes.push(
        `${label(scope)}: ${answered} of ${BURST} answered in ${seconds.toFixed(1)} s (${(answered / seconds).toFixed(1)} answers/s)`,
      );
    }
    report.table(
      [
        'scenario',
        'n',
        'ack p50 ms',
        'ack p99 ms',
        'first reply p50 ms',
        'first reply p99 ms',
        'card p50 ms',
        'card p99 ms',
        '"busy" replies',
      ],
      rows,
    );
    report.note(
      `Bursts (sent from a worker thread): ${notes.join('; ')}. The endpoint claims the activity and posts the ` +
        'first progress activity before it acknowledges (so "ack" includes that round trip); look-ups, retrieval ' +
        'and the answer run in a background turn. "First reply" is the first activity reaching the (fake) ' +
        'Bot Connector: the informative stream update in a 1:1 chat, the typing indicator in a channel thread; ' +
        '"card" the final message with the Adaptive Card (sources, feedback buttons); n, first reply and card ' +
        'count answered questions, ack every request; a "busy" reply is admission refusing a question (the queue ' +
        `was full). ${admissionNote(serve.config)}. Extractive generator, ${MEMBERS.length}-member team (roster ` +
        'fetched once, then cached), sample knowledge base ingested by serve on first start, stream updates at ' +
        'most every 1.5 s (no text updates here: the extractive answer is ready at once).',
    );
  } finally {
    await serve?.stop();
    await connector.close();
  }
}

function label(scope: 'personal' | 'channel'): string {
  return scope === 'personal' ? '1:1 chat (streaming)' : 'channel @mention (typing + card)';
}

/** Latencies of the answered questions; acknowledgements of every request; how many got "busy". */
function row(scenario: string, timings: readonly Timing[]): (string | number)[] {
  const answered = timings.filter((t) => !t.busy);
  const pick = (key: 'first' | 'card') => answered.map((t) => t[key]);
  const acks = timings.map((t) => t.ack);
  return [
    scenario,
    answered.length,
    percentile(acks, 50),
    percentile(acks, 99),
    percentile(pick('first'), 50),
    percentile(pick('first'), 99),
    percentile(pick('card'), 50),
    percentile(pick('card'), 99),
    timings.length - answered.length,
  ];
}
