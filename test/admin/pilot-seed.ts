/**
 * A small pilot with known numbers, written straight into the tables the pilot numbers read
 * (questions, feedback, escalations, standard_answers, standard_answer_uses): two ISO weeks,
 * 2025-W02 (6–12 January) and 2025-W03 (13–19 January), plus questions just outside them.
 */
import type { Kysely } from 'kysely';
import { StaticDirectory } from '../../src/directory.js';
import type { Database } from '../../src/store/schema.js';

export const ALICE = 'alice@corp.example';
export const BOB = 'bob@corp.example';
export const CAROL = 'carol@corp.example';
export const DAVE = 'dave@corp.example';

/** Alice in hr, Bob in it, Carol in both, Dave in none. */
export const PILOT_GROUPS = { hr: [ALICE, CAROL], it: [BOB, CAROL] } as const;
export const pilotDirectory = () => new StaticDirectory(PILOT_GROUPS);

export const RANGE = { from: '2025-01-06', to: '2025-01-19' } as const;
export const HOUR = 3_600_000;

interface SeedQuestion {
  id: string;
  at: string;
  asker: string;
  language: string | null;
  status: string;
  ratings?: [string, 'up' | 'down'][];
  /** Hours from hand-off to resolution; null = still open. */
  handOff?: number | null;
  standard?: string;
  /** Where it was asked; `slack` unless said. */
  platform?: string;
}

const QUESTIONS: SeedQuestion[] = [
  // In the range, but asked through the CLI (an operator's `ask` or `eval`): not the pilot's.
  {
    id: 'q-cli',
    at: '2025-01-14T09:00:00.000Z',
    asker: ALICE,
    language: 'en',
    status: 'not_found',
    ratings: [[BOB, 'down']],
    handOff: null,
    platform: 'cli',
  },
  // Outside the range on both sides, with everything that could be miscounted.
  {
    id: 'q0',
    at: '2025-01-05T23:59:59.999Z',
    asker: ALICE,
    language: 'en',
    status: 'answered',
    ratings: [[BOB, 'down']],
    handOff: 1,
    standard: 'sa1',
  },
  {
    id: 'q12',
    at: '2025-01-20T00:00:00.000Z',
    asker: BOB,
    language: 'ja',
    status: 'answered',
    ratings: [[BOB, 'up']],
    handOff: null,
  },
  // 2025-W02
  {
    id: 'q1',
    at: '2025-01-06T00:00:00.000Z',
    asker: ALICE,
    language: 'en',
    status: 'answered',
    ratings: [[ALICE, 'up']],
  },
  {
    id: 'q2',
    at: '2025-01-07T09:00:00.000Z',
    asker: ALICE,
    language: 'en',
    status: 'answered',
    ratings: [
      [ALICE, 'up'],
      [BOB, 'down'],
    ],
  },
  { id: 'q3', at: '2025-01-08T10:00:00.000Z', asker: BOB, language: 'ja', status: 'answered', handOff: 2 },
  { id: 'q4', at: '2025-01-09T11:00:00.000Z', asker: CAROL, language: 'ja', status: 'not_found', handOff: 4 },
  {
    id: 'q5',
    at: '2025-01-10T12:00:00.000Z',
    asker: DAVE,
    language: 'en',
    status: 'not_found',
    handOff: null,
  },
  {
    id: 'q6',
    at: '2025-01-12T23:59:59.999Z',
    asker: CAROL,
    language: 'en',
    status: 'answered',
    standard: 'sa1',
  },
  // 2025-W03
  {
    id: 'q7',
    at: '2025-01-13T08:00:00.000Z',
    asker: BOB,
    language: 'ja',
    status: 'answered',
    ratings: [[BOB, 'up']],
    standard: 'sa1',
  },
  {
    id: 'q8',
    at: '2025-01-14T08:00:00.000Z',
    asker: BOB,
    language: 'ja',
    status: 'answered',
    standard: 'sa2',
  },
  { id: 'q9', at: '2025-01-15T08:00:00.000Z', asker: ALICE, language: 'en', status: 'held' },
  { id: 'q10', at: '2025-01-16T08:00:00.000Z', asker: DAVE, language: null, status: 'invalid' },
  {
    id: 'q11',
    at: '2025-01-19T23:00:00.000Z',
    asker: CAROL,
    language: 'en',
    status: 'answered',
    handOff: 10,
  },
];

const iso = (ms: number) => new Date(ms).toISOString();

export async function seedPilot(db: Kysely<Database>): Promise<void> {
  const at = '2025-01-01T00:00:00.000Z';
  await db
    .insertInto('standard_answers')
    .values(
      [
        ['sa1', 'Parental leave', 'HR'],
        ['sa2', 'VPN on a new laptop', 'IT'],
      ].map(([id, title, team]) => ({
        id: id!,
        question: `${title}?`,
        phrasings: '[]',
        answer: `About ${title}.`,
        title: title!,
        team: team!,
        audience: '["all"]',
        languages: '[]',
        review_at: null,
        origin: 'admin',
        origin_ref: null,
        created_by: 'root@corp.example',
        created_at: at,
        updated_at: at,
        retired_at: null,
      })),
    )
    .execute();
  for (const q of QUESTIONS) {
    await db
      .insertInto('questions')
      .values({
        id: q.id,
        created_at: q.at,
        platform: q.platform ?? 'slack',
        asker: q.asker,
        place_kind: 'channel',
        channel_id: 'C1',
        thread_id: null,
        delivery: null,
        event_id: null,
        text: `question ${q.id}`,
        language: q.language,
        status: q.status,
        answer_text: null,
        generator: null,
        extractive: null,
        retrieved_chunk_ids: null,
        citations: null,
        verdict_action: null,
        findings: null,
        latency_ms: null,
        answered_at: null,
        worker: null,
      })
      .execute();
    for (const [user, rating] of q.ratings ?? [])
      await db
        .insertInto('feedback')
        .values({
          id: `${q.id}-${user}`,
          question_id: q.id,
          rating,
          user,
          platform: 'slack',
          comment: null,
          created_at: iso(Date.parse(q.at) + HOUR),
        })
        .execute();
    if (q.handOff !== undefined) {
      // Handed off 10 minutes after the question: the resolution time runs from the hand-off.
      const handedOff = Date.parse(q.at) + 600_000;
      await db
        .insertInto('escalations')
        .values({
          id: `e-${q.id}`,
          question_id: q.id,
          requested_by: q.asker,
          status: q.handOff === null ? 'open' : 'resolved',
          route: 'default',
          expert_platform: 'slack',
          expert_channel: 'C-EXPERTS',
          expert_thread: null,
          language: q.language ?? 'en',
          created_at: iso(handedOff),
          posted_at: iso(handedOff),
          resolved_at: q.handOff === null ? null : iso(handedOff + q.handOff * HOUR),
          resolved_by: q.handOff === null ? null : 'expert@corp.example',
          standard_id: null,
        })
        .execute();
    }
    if (q.standard)
      await db
        .insertInto('standard_answer_uses')
        .values({ question_id: q.id, standard_id: q.standard, score: 0.9, used_at: q.at })
        .execute();
  }
}

/** A small deterministic random source (LCG), so a synthetic pilot is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const LANGUAGES: readonly [string, number][] = [
  ['en', 0.38],
  ['ja', 0.15],
  ['de', 0.12],
  ['zh', 0.1],
  ['es', 0.08],
  ['he', 0.06],
  ['th', 0.06],
  ['fr', 0.05],
];

const STANDARD_TITLES: readonly [string, string][] = [
  ['Parental leave: how many days and how to apply', 'HR'],
  ['VPN on a new laptop', 'IT'],
  ['Expense claims for travel', 'HR'],
  ['Resetting a forgotten password', 'IT'],
  ['Home office equipment allowance', 'HR'],
  ['Printer on the third floor', 'IT'],
  ['Public holidays this year', 'HR'],
  ['Access to the shared drive', 'IT'],
];

/**
 * A pilot that grows and improves over `weeks` ISO weeks from `from` (a Monday): more questions
 * each week, more standard answers and fewer "not found" as it goes, hand-offs resolved within
 * hours to days, a few still open. For the browser screenshot and the 100,000-question measurement.
 * Returns the directory groups of its askers.
 */
export async function seedSyntheticPilot(
  db: Kysely<Database>,
  options: {
    readonly questions: number;
    readonly from: string;
    readonly weeks: number;
    readonly seed?: number;
  },
): Promise<Record<string, string[]>> {
  const rnd = random(options.seed ?? 17);
  const people = 400;
  const groups: Record<string, string[]> = { hr: [], it: [], sales: [] };
  for (let i = 0; i < people; i += 1) {
    const email = `p${i}@corp.example`;
    if (i % 5 === 0 || i % 7 === 0) groups['hr']!.push(email);
    if (i % 3 === 0) groups['it']!.push(email);
    if (i % 4 === 1) groups['sales']!.push(email);
  }
  const created = '2024-12-01T00:00:00.000Z';
  await db
    .insertInto('standard_answers')
    .values(
      STANDARD_TITLES.map(([title, team], i) => ({
        id: `std-${i}`,
        question: title,
        phrasings: '[]',
        answer: `About ${title}.`,
        title,
        team,
        audience: '["all"]',
        languages: '[]',
        review_at: null,
        origin: 'admin',
        origin_ref: null,
        created_by: 'root@corp.example',
        created_at: created,
        updated_at: created,
        retired_at: null,
      })),
    )
    .execute();
  const pick = <T>(weighted: readonly [T, number][]): T => {
    let r = rnd();
    for (const [value, weight] of weighted) {
      r -= weight;
      if (r < 0) return value;
    }
    return weighted.at(-1)![0];
  };
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const weekWeights = Array.from(
    { length: options.weeks },
    (_, k) => 0.6 + (0.8 * k) / Math.max(1, options.weeks - 1),
  );
  const weightSum = weekWeights.reduce((a, b) => a + b, 0);
  type Rows = { questions: unknown[]; feedback: unknown[]; escalations: unknown[]; uses: unknown[] };
  let batch: Rows = { questions: [], feedback: [], escalations: [], uses: [] };
  const flush = async () => {
    // Questions first: the other rows refer to them.
    if (batch.questions.length)
      await db
        .insertInto('questions')
        .values(batch.questions as never)
        .execute();
    if (batch.feedback.length)
      await db
        .insertInto('feedback')
        .values(batch.feedback as never)
        .execute();
    if (batch.escalations.length)
      await db
        .insertInto('escalations')
        .values(batch.escalations as never)
        .execute();
    if (batch.uses.length)
      await db
        .insertInto('standard_answer_uses')
        .values(batch.uses as never)
        .execute();
    batch = { questions: [], feedback: [], escalations: [], uses: [] };
  };
  let n = 0;
  for (let k = 0; k < options.weeks; k += 1) {
    const count =
      k === options.weeks - 1
        ? options.questions - n
        : Math.round((options.questions * weekWeights[k]!) / weightSum);
    const t = k / Math.max(1, options.weeks - 1);
    for (let j = 0; j < count; j += 1, n += 1) {
      const id = `sq${n}`;
      const at = start + k * 7 * 86_400_000 + Math.floor(rnd() * 7 * 86_400_000);
      const asker = `p${Math.floor(rnd() * people)}@corp.example`;
      const standard = rnd() < 0.05 + 0.25 * t;
      const status = standard
        ? 'answered'
        : pick<string>([
            ['not_found', 0.25 - 0.12 * t],
            ['held', 0.04],
            ['failed', 0.01],
            ['answered', 1],
          ]);
      batch.questions.push({
        id,
        created_at: new Date(at).toISOString(),
        platform: 'slack',
        asker,
        place_kind: 'channel',
        channel_id: 'C1',
        thread_id: null,
        delivery: null,
        event_id: null,
        text: `question ${n}`,
        language: pick(LANGUAGES),
        status,
        answer_text: null,
        generator: null,
        extractive: null,
        retrieved_chunk_ids: null,
        citations: null,
        verdict_action: null,
        findings: null,
        latency_ms: null,
        answered_at: null,
        worker: null,
      });
      if (standard) {
        // Zipf-like: the first standard answers are used most.
        const which = Math.min(STANDARD_TITLES.length - 1, Math.floor(rnd() ** 2 * STANDARD_TITLES.length));
        batch.uses.push({
          question_id: id,
          standard_id: `std-${which}`,
          score: 0.9,
          used_at: new Date(at).toISOString(),
        });
      }
      const handOff = rnd() < (status === 'not_found' ? 0.5 : status === 'held' ? 0.2 : 0.06);
      if (handOff) {
        const handedOff = at + 300_000;
        const resolved = rnd() < (k === options.weeks - 1 ? 0.5 : 0.9);
        const hours = Math.exp(1.2 + 0.9 * (rnd() + rnd() + rnd() - 1.5));
        batch.escalations.push({
          id: `se${n}`,
          question_id: id,
          requested_by: asker,
          status: resolved ? 'resolved' : 'open',
          route: 'default',
          expert_platform: 'slack',
          expert_channel: 'C-EXPERTS',
          expert_thread: null,
          language: 'en',
          created_at: new Date(handedOff).toISOString(),
          posted_at: new Date(handedOff).toISOString(),
          resolved_at: resolved ? new Date(handedOff + hours * HOUR).toISOString() : null,
          resolved_by: resolved ? 'expert@corp.example' : null,
          standard_id: null,
        });
      } else if (status === 'answered' && rnd() < 0.3) {
        batch.feedback.push({
          id: `sf${n}`,
          question_id: id,
          rating: rnd() < 0.75 + 0.15 * t ? 'up' : 'down',
          user: asker,
          platform: 'slack',
          comment: null,
          created_at: new Date(at + HOUR).toISOString(),
        });
      }
      if (batch.questions.length === 500) await flush();
    }
  }
  await flush();
  return groups;
}
