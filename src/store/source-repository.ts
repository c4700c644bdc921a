import type { Kysely, Selectable } from 'kysely';
import type { Classification } from '../core/types.js';
import { databaseNow } from './database-clock.js';
import { bumpContentVersion } from './index-changes.js';
import { nowIso } from './json.js';
import type { DialectName } from './migrations.js';
import type { Database, SourceStateTable } from './schema.js';

/** The audience and classification an item was stored with (before its front matter). */
export interface ItemAccess {
  readonly audience: readonly string[];
  readonly classification: Classification;
}

/** A synced source's item as last stored, with its document as it is now. */
export interface StoredItem {
  readonly key: string;
  readonly docId: string;
  readonly docSource: string;
  readonly version: string;
  readonly contentHash: string;
  /** JSON of the {@link ItemAccess} it was stored with. */
  readonly access: string;
  /** False when the document was deleted by someone else (an admin, `ingest --prune`): store it again. */
  readonly documentExists: boolean;
}

export interface SourceRunCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly failed: number;
}

export type SourceStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface SourceState extends SourceRunCounts {
  readonly name: string;
  readonly status: SourceStatus;
  readonly cursor?: string | undefined;
  readonly startedAt?: string | undefined;
  readonly finishedAt?: string | undefined;
  readonly lastSuccessAt?: string | undefined;
  /** Items stored for this source after its last run. */
  readonly items: number;
  readonly lastError?: string | undefined;
}

/** The JSON an item's access is stored and compared as: the same access gives the same text. */
export function accessKey(access: ItemAccess): string {
  return JSON.stringify({ audience: [...access.audience], classification: access.classification });
}

function toState(row: Selectable<SourceStateTable>): SourceState {
  return {
    name: row.source_name,
    status: row.status as SourceStatus,
    cursor: row.cursor ?? undefined,
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
    lastSuccessAt: row.last_success_at ?? undefined,
    added: row.added,
    updated: row.updated,
    unchanged: row.unchanged,
    removed: row.removed,
    failed: row.failed,
    items: row.items,
    lastError: row.last_error ?? undefined,
  };
}

/** Synced sources' items, runs and leases (migration 0010). */
export class SourceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** Every stored item of a source, in one query (an unchanged item must cost no round trip). */
  async items(sourceName: string): Promise<Map<string, StoredItem>> {
    const rows = await this.db
      .selectFrom('source_items')
      .leftJoin('documents', 'documents.id', 'source_items.doc_id')
      .select([
        'source_items.item_key as key',
        'source_items.doc_id as docId',
        'source_items.doc_source as docSource',
        'source_items.version as version',
        'source_items.content_hash as contentHash',
        'source_items.access as access',
        'documents.id as liveId',
        'documents.content_hash as liveHash',
      ])
      .where('source_items.source_name', '=', sourceName)
      .execute();
    return new Map(
      rows.map((r) => [
        r.key,
        {
          key: r.key,
          docId: r.docId,
          docSource: r.docSource,
          version: r.version,
          contentHash: r.contentHash,
          access: r.access,
          // A document replaced behind the sync's back (`ingest` of the same path) counts as changed.
          documentExists: r.liveId !== null && r.liveHash === r.contentHash,
        },
      ]),
    );
  }

  /** The source that syncs the document stored under `docSource`, if any. */
  async ownerOf(docSource: string): Promise<{ sourceName: string; key: string } | undefined> {
    const row = await this.db
      .selectFrom('source_items')
      .select(['source_name', 'item_key'])
      .where('doc_source', '=', docSource)
      .executeTakeFirst();
    return row ? { sourceName: row.source_name, key: row.item_key } : undefined;
  }

  /** Records an item as stored (new, changed, or only its version). */
  async saveItem(sourceName: string, item: Omit<StoredItem, 'documentExists'>): Promise<void> {
    const values = {
      doc_id: item.docId,
      doc_source: item.docSource,
      version: item.version,
      content_hash: item.contentHash,
      access: item.access,
      synced_at: nowIso(),
    };
    await this.db
      .insertInto('source_items')
      .values({ source_name: sourceName, item_key: item.key, ...values })
      .onConflict((oc) => oc.columns(['source_name', 'item_key']).doUpdateSet(values))
      .execute();
  }

  async removeItem(sourceName: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('source_items')
      .where('source_name', '=', sourceName)
      .where('item_key', '=', key)
      .execute();
  }

  /**
   * A renamed or moved item whose content did not change: its document keeps its chunks and
   * embeddings and takes the new source; the item is recorded under its new key. One transaction.
   */
  async moveItem(sourceName: string, fromKey: string, to: Omit<StoredItem, 'documentExists'>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('documents').set({ source: to.docSource }).where('id', '=', to.docId).execute();
      await trx
        .deleteFrom('source_items')
        .where('source_name', '=', sourceName)
        .where('item_key', '=', fromKey)
        .execute();
      await trx
        .insertInto('source_items')
        .values({
          source_name: sourceName,
          item_key: to.key,
          doc_id: to.docId,
          doc_source: to.docSource,
          version: to.version,
          content_hash: to.contentHash,
          access: to.access,
          synced_at: nowIso(),
        })
        .execute();
    });
  }

  /**
   * Gives a document a new audience and classification without touching its chunks: the change log
   * names its chunks as removed, so every replica's indexes take them again with the new access
   * (their stored embeddings included: nothing is embedded again).
   */
  async changeAccess(docId: string, access: ItemAccess): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const chunkIds = (
        await trx.selectFrom('chunks').select('id').where('doc_id', '=', docId).execute()
      ).map((r) => r.id);
      await trx
        .updateTable('documents')
        .set({ audience: JSON.stringify(access.audience), classification: access.classification })
        .where('id', '=', docId)
        .execute();
      await bumpContentVersion(trx, { kind: 'document', docId, removedChunkIds: chunkIds });
    });
  }

  /** Takes or renews the lease of a source for `holder`; false while another live holder has it. */
  async acquireLease(sourceName: string, holder: string, ttlMs: number): Promise<boolean> {
    const expires = databaseNow(this.dialect, ttlMs);
    await this.db
      .insertInto('source_leases')
      .values({ source_name: sourceName, holder, expires_at: expires })
      .onConflict((oc) =>
        oc
          .column('source_name')
          .doUpdateSet({ holder, expires_at: expires })
          .where((eb) =>
            eb.or([
              eb('source_leases.holder', '=', holder),
              eb('source_leases.expires_at', '<', databaseNow(this.dialect)),
            ]),
          ),
      )
      .execute();
    const row = await this.db
      .selectFrom('source_leases')
      .select('holder')
      .where('source_name', '=', sourceName)
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async releaseLease(sourceName: string, holder: string): Promise<void> {
    await this.db
      .deleteFrom('source_leases')
      .where('source_name', '=', sourceName)
      .where('holder', '=', holder)
      .execute();
  }

  async state(sourceName: string): Promise<SourceState | undefined> {
    const row = await this.db
      .selectFrom('source_state')
      .selectAll()
      .where('source_name', '=', sourceName)
      .executeTakeFirst();
    return row ? toState(row) : undefined;
  }

  async states(): Promise<Map<string, SourceState>> {
    const rows = await this.db.selectFrom('source_state').selectAll().execute();
    return new Map(rows.map((r) => [r.source_name, toState(r)]));
  }

  /** Marks a run as started (the last run's counts and cursor stay until it ends). */
  async begin(sourceName: string): Promise<void> {
    const startedAt = nowIso();
    await this.db
      .insertInto('source_state')
      .values({ source_name: sourceName, status: 'running', started_at: startedAt })
      .onConflict((oc) => oc.column('source_name').doUpdateSet({ status: 'running', started_at: startedAt }))
      .execute();
  }

  /**
   * Records how a run ended. `cursor` is saved only when given (a run with failed items keeps the
   * old one, so that the next incremental listing offers those items again). With `holder`, only
   * while that holder still has the source's lease: a run that lost it to another replica does not
   * write over the state of the run that took over.
   */
  async finish(
    sourceName: string,
    outcome: SourceRunCounts & {
      readonly status: Exclude<SourceStatus, 'running'>;
      readonly cursor?: { readonly value: string | undefined } | undefined;
      readonly error?: string | undefined;
    },
    holder?: string,
  ): Promise<void> {
    const finishedAt = nowIso();
    const items = await this.db
      .selectFrom('source_items')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('source_name', '=', sourceName)
      .executeTakeFirstOrThrow();
    await this.db
      .updateTable('source_state')
      .set({
        status: outcome.status,
        finished_at: finishedAt,
        added: outcome.added,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        removed: outcome.removed,
        failed: outcome.failed,
        items: Number(items.n),
        last_error: outcome.error ?? null,
        ...(outcome.status !== 'failed' ? { last_success_at: finishedAt } : {}),
        ...(outcome.cursor ? { cursor: outcome.cursor.value ?? null } : {}),
      })
      .where('source_name', '=', sourceName)
      .$if(holder !== undefined, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('source_leases')
              .select('source_leases.holder')
              .where('source_leases.source_name', '=', sourceName)
              .where('source_leases.holder', '=', holder as string),
          ),
        ),
      )
      .execute();
  }
}
