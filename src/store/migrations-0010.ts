import type { Kysely, Migration } from 'kysely';

/**
 * Synced sources (issue 19): what each source's items were when last stored (so that an unchanged
 * item costs nothing), each source's last run and cursor, and the lease that lets one replica at a
 * time run a source.
 */
export const syncedSources: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('source_items')
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('doc_id', 'text', (c) => c.notNull())
      .addColumn('doc_source', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('access', 'text', (c) => c.notNull())
      .addColumn('synced_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('source_items_pk', ['source_name', 'item_key'])
      .execute();
    await db.schema.createIndex('source_items_doc').on('source_items').column('doc_id').execute();
    // Who holds a document by name: asked once for each new item of a first sync.
    await db.schema.createIndex('source_items_doc_source').on('source_items').column('doc_source').execute();
    await db.schema
      .createTable('source_state')
      .addColumn('source_name', 'text', (c) => c.primaryKey())
      .addColumn('cursor', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createTable('source_leases')
      .addColumn('source_name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
