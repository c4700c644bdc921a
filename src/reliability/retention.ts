import { type Kysely, sql } from 'kysely';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Database } from '../store/schema.js';
import { forgetWordings } from './data-subject.js';

/** The asker recorded for a question whose texts retention deleted (its counts stay). */
export const ANONYMISED = 'anonymised';

export interface RetentionOptions {
  readonly db: Kysely<Database>;
  /** Platform event claims, kept only as long as a platform may retry an event. */
  readonly claims: { prune(olderThan: Date): Promise<void> };
  /** Question and answer texts older than this many days are deleted; undefined keeps them. */
  readonly days: number | undefined;
  readonly logger: Logger;
  readonly onAnonymised?: (count: number) => void;
}

const RATER_PREFIX = `${ANONYMISED}:`;

/** Slack retries an event for minutes and Teams for less; two days is far beyond either. */
const CLAIM_DAYS = 2;
const DAY_MS = 86_400_000;

/**
 * One retention pass: forgets old event claims and, with `days` set, deletes the texts of older
 * questions — question, answer, asker, where it was asked, held answers (a held expert reply's
 * review included), feedback comments and raters, experts' replies and who handed the question off
 * or resolved it, who waited to be told, the question's words among standard answers' wordings —
 * keeping the rows as anonymised counts (day, platform, status, language, latency, hand-off times).
 * Returns how many questions were anonymised. Safe to run from several replicas at once.
 */
export async function applyRetention(options: RetentionOptions, now = Date.now()): Promise<number> {
  await options.claims.prune(new Date(now - CLAIM_DAYS * DAY_MS));
  if (options.days === undefined) return 0;
  const before = new Date(now - options.days * DAY_MS).toISOString();
  const count = await options.db.transaction().execute(async (tx) => {
    const old = tx.selectFrom('questions').select('id').where('created_at', '<', before);
    await tx
      .updateTable('reviews')
      .set({ original_text: '', final_text: null, reason: null })
      .where('question_id', 'in', old)
      .where('original_text', '<>', '')
      .execute();
    await tx
      .updateTable('feedback')
      // One rating per question and user: each anonymised rater stays distinct.
      .set({ user: sql<string>`${RATER_PREFIX} || id`, comment: null })
      .where('question_id', 'in', old)
      .where('user', 'not like', `${RATER_PREFIX}%`)
      .execute();
    // The helpdesk loop's copies of what people wrote and who they were: experts' replies to these
    // questions, who handed them off and resolved them, who waited to be told (the rows stay as
    // counts for the pilot numbers), and the questions' words kept as standard answers' wordings.
    const handedOff = tx.selectFrom('escalations').select('id').where('question_id', 'in', old);
    // A reply never relayed by now never will be (the question's place is forgotten below): gone,
    // so that the relay retry does not take up an empty one.
    await tx
      .deleteFrom('escalation_replies')
      .where('escalation_id', 'in', handedOff)
      .where('relayed_at', 'is', null)
      .execute();
    await tx
      .updateTable('escalation_replies')
      .set({ text: '', author: ANONYMISED })
      .where('escalation_id', 'in', handedOff)
      .where('author', '<>', ANONYMISED)
      .execute();
    await tx
      .updateTable('escalations')
      .set({
        requested_by: ANONYMISED,
        resolved_by: sql<string | null>`case when resolved_by is null then null else ${ANONYMISED} end`,
      })
      .where('question_id', 'in', old)
      .where('requested_by', '<>', ANONYMISED)
      .execute();
    await tx.deleteFrom('answer_subscriptions').where('question_id', 'in', old).execute();
    const texts = await tx
      .selectFrom('questions')
      .select('text')
      .where('created_at', '<', before)
      .where('asker', '<>', ANONYMISED)
      .execute();
    await forgetWordings(
      tx,
      texts.map((q) => q.text),
    );
    const result = await tx
      .updateTable('questions')
      .set({
        text: '',
        answer_text: null,
        asker: ANONYMISED,
        channel_id: null,
        thread_id: null,
        delivery: null,
        event_id: null,
      })
      .where('created_at', '<', before)
      .where('asker', '<>', ANONYMISED)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
  if (count > 0) {
    options.onAnonymised?.(count);
    options.logger('info', 'retention.anonymised', { questions: count, days: options.days });
  }
  return count;
}

/** Runs `applyRetention` now and then every `intervalMs`; returns a function that stops it. */
export function scheduleRetention(options: RetentionOptions, intervalMs = 3_600_000): () => void {
  const run = () =>
    applyRetention(options).catch((error) =>
      options.logger('warn', 'retention.failed', { error: describeError(error) }),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
