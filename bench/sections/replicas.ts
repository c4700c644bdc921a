/**
 * Replicas: `polydesk serve` processes on one PostgreSQL behind the fake Slack server, all on
 * loopback. A burst of Slack mentions to one replica, then spread over two: sustained questions per
 * second, p50/p99 acknowledgement and answer latency (extractive generator, sample knowledge base),
 * and how long a SIGKILLed replica's unanswered questions take to be answered by the other with
 * the default RECOVERY_AFTER_SECONDS. Load generator, fake Slack and PostgreSQL share the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeSlackServer } from '../../test/fakes/slack-server.js';
import { postgresDatabase, type TestDatabase } from '../../test/helpers/databases.js';
import {
  type AskedQuestion,
  allReplied,
  firstReplyTimes,
  mention,
  pooled,
  populateWorkspace,
  type Replica,
  repliesTo,
  SAMPLE_QUESTIONS,
  sendEvent,
  startReplica,
  stopReplica,
} from '../../test/reliability/replica-harness.js';
import { type BenchReport, percentile } from '../report.js';

const BURST = 300;
const CONNECTIONS = 25;
const KILL_BURST = 100;

interface Sent {
  readonly question: AskedQuestion;
  readonly sentAt: number;
  readonly ackMs: number | undefined;
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Replicas: bursts on one and two replicas, takeover after SIGKILL');
  let db: TestDatabase;
  try {
    db = await postgresDatabase();
  } catch (error) {
    report.note(`Skipped: needs PostgreSQL on 127.0.0.1:5432 (${String(error)}).`);
    return;
  }
  const slack = await FakeSlackServer.start();
  const workspace = populateWorkspace(slack, 40, 4);
  const dirs: string[] = [];
  const replicas: Replica[] = [];
  const start = async (name: string, env: Record<string, string> = {}) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `polydesk-bench-${name}-`));
    dirs.push(dataDir);
    const replica = await startReplica({
      name,
      databaseUrl: db.databaseUrl,
      dataDir,
      slackApiUrl: slack.apiUrl,
      env: { RATE_LIMIT_PER_MINUTE: '0', ...env },
    });
    replicas.push(replica);
    return replica;
  };
  let n = 0;
  const ask = (count: number) =>
    Array.from({ length: count }, () => {
      const i = n++;
      return mention(
        slack,
        workspace.channels[i % workspace.channels.length]!,
        workspace.users[i % workspace.users.length]!,
        SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length]!,
        i,
      );
    });
  const burst = async (targets: readonly Replica[], count: number) => {
    const questions = ask(count);
    const sent = await pooled(
      CONNECTIONS,
      questions.map((question, i) => async (): Promise<Sent> => {
        const sentAt = performance.now();
        const { ackMs } = await sendEvent(targets, i % targets.length, question);
        return { question, sentAt, ackMs };
      }),
    );
    await allReplied(slack, questions, 180_000);
    return measure(slack, sent);
  };

  try {
    const a = await start('a', { POLYDESK_SAMPLES: '1' });
    await burst([a], 12); // warm-up: caches, JIT, index
    const one = await burst([a], BURST);
    const b = await start('b');
    await burst([b], 12);
    const two = await burst([a, b], BURST);
    const rss = await residentMb(a);
    report.table(
      [
        'replicas',
        'questions',
        'questions/s',
        'ack p50 ms',
        'ack p99 ms',
        'answer p50 ms',
        'answer p99 ms',
        '"busy" replies',
      ],
      [
        [1, BURST, one.perSecond, one.ack50, one.ack99, one.answer50, one.answer99, one.busy],
        [2, BURST, two.perSecond, two.ack50, two.ack99, two.answer50, two.answer99, two.busy],
      ],
    );
    report.note(
      `Burst: ${BURST} signed \`app_mention\` events sent ${CONNECTIONS} at a time (round-robin over the replicas), ` +
        `${workspace.users.length} askers in ${workspace.channels.length} channels; sample knowledge base (39 documents), ` +
        'extractive generator, guardrails on, PostgreSQL 15 on loopback. ack = HTTP 200 of `/slack/events`, which PolyDesk ' +
        'holds until the question is claimed and recorded; answer = from sending to the finished reply in the thread. ' +
        'questions/s = questions answered (not "busy") ÷ (last answer − first send); latencies of answered questions. ' +
        'A "busy" reply is backpressure: more than ANSWER_QUEUE_SIZE (200) questions were waiting on that replica. ' +
        `Replica RSS after the bursts: ${rss} MB. ` +
        `Load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores — two replicas share ` +
        'the same cores here, so the second adds capacity only on a machine with cores to spare.',
    );

    // Takeover: B answers what A left behind, after RECOVERY_AFTER_SECONDS (default 30 s).
    const questions = ask(KILL_BURST);
    let done = 0;
    let killedAt = 0;
    await pooled(
      10,
      questions.map((question, i) => async () => {
        await sendEvent([a, b], i % 2, question);
        done += 1;
        if (done === KILL_BURST / 2) {
          a.child.kill('SIGKILL');
          killedAt = performance.now();
        }
      }),
    );
    await allReplied(slack, questions, 120_000);
    const times = firstReplyTimes(slack);
    const afterKill = questions
      .map((q) => times.get(`${q.channel}:${q.ts}`)! - killedAt)
      .filter((ms) => ms > 0);
    const recovered = (b.logs().match(/"event":"recovery.done"/g) ?? []).length;
    const twice = questions.filter((q) => repliesTo(slack, q).length > 1).length;
    report.table(
      ['questions', 'killed after', 'taken over by B', 'last answer after kill s', 'answered twice'],
      [[KILL_BURST, `${KILL_BURST / 2} sent`, recovered, Math.max(...afterKill) / 1000, twice]],
    );
    report.note(
      'A is SIGKILLed halfway through a burst spread over A and B; events A had not acknowledged are ' +
        'delivered again to B (as Slack retries), the questions A had recorded are claimed by B once A’s ' +
        'heartbeat is older than RECOVERY_AFTER_SECONDS (30 s) and answered there — or skipped when A had ' +
        'already posted the answer.',
    );
  } finally {
    for (const replica of replicas) await stopReplica(replica);
    await slack.close();
    await db.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

function measure(slack: FakeSlackServer, sent: readonly Sent[]) {
  const times = firstReplyTimes(slack);
  const replyAt = (s: Sent) => times.get(`${s.question.channel}:${s.question.ts}`)!;
  const isBusy = (s: Sent) =>
    repliesTo(slack, s.question)[0]?.text.includes('try again in a minute') ?? false;
  const answered = sent.filter((s) => !isBusy(s));
  const first = Math.min(...sent.map((s) => s.sentAt));
  const last = Math.max(...answered.map(replyAt));
  return {
    perSecond: answered.length / ((last - first) / 1000),
    ack50: percentile(
      sent.map((s) => s.ackMs ?? Number.NaN),
      50,
    ),
    ack99: percentile(
      sent.map((s) => s.ackMs ?? Number.NaN),
      99,
    ),
    answer50: percentile(
      answered.map((s) => replyAt(s) - s.sentAt),
      50,
    ),
    answer99: percentile(
      answered.map((s) => replyAt(s) - s.sentAt),
      99,
    ),
    busy: sent.length - answered.length,
  };
}

/** The replica's resident memory, from its Prometheus metrics. */
async function residentMb(replica: Replica): Promise<number> {
  const metrics = await (await fetch(`${replica.url}/metrics`)).text();
  const match = /polydesk_process_resident_memory_bytes (\d+)/.exec(metrics);
  return match ? Math.round(Number(match[1]) / 2 ** 20) : Number.NaN;
}
