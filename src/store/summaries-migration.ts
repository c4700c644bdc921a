import type { Kysely, Migration } from 'kysely';

/**
 * Summaries (issue 18) are recorded with the questions (who asked, for what, latency, verdict,
 * reviews of held ones alike), marked by `kind`: null for a question, `summary` for a summary, so
 * that insight counts them apart and never lists one as a knowledge gap.
 */
export const summaries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('questions').addColumn('kind', 'text').execute();
  },
};
