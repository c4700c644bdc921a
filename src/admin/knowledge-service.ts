import { createHash } from 'node:crypto';
import { IngestError, InputError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { CLASSIFICATIONS, type Classification } from '../core/types.js';
import type { Store } from '../store/store.js';
import { loadBytes } from '../../ingest/load-file.js';
import { type SyncDeps, storeDocument } from '../../ingest/sync.js';
import type { UploadedFile } from './upload.js';

/** What happened to one uploaded file. */
export interface UploadResult {
  readonly file: string;
  readonly status: 'added' | 'updated' | 'unchanged' | 'failed';
  readonly id?: string | undefined;
  readonly error?: string | undefined;
  /** The text contains instructions aimed at the assistant (it is stored, and flagged). */
  readonly injection?: boolean | undefined;
}

export interface KnowledgeService {
  upload(
    files: readonly UploadedFile[],
    options: { audience: readonly string[]; classification: Classification },
    actor: string,
  ): Promise<UploadResult[]>;
  /** Deletes a document and its chunks; false when it did not exist. */
  remove(id: string, actor: string): Promise<boolean>;
  reindex(actor: string): Promise<void>;
}

export interface KnowledgeServiceDeps {
  readonly store: Pick<Store, 'documents' | 'audit'>;
  /** The same ingest path as `polydesk ingest` (loaders, chunking, language, index updates). */
  readonly ingest: SyncDeps;
  /** Saves the search index snapshot after changes. */
  readonly persistIndex: () => Promise<void>;
  /** Rebuilds the search indexes from the database. */
  readonly reindex: () => Promise<void>;
  readonly logger: Logger;
}

/** Uploaded files are known by this prefix plus their name; uploading the same name again replaces it. */
export const UPLOAD_PREFIX = 'uploads/';

/** `hr, it` → `['hr', 'it']`; empty → `['all']`. Refuses names with spaces or punctuation. */
export function parseAudience(raw: unknown): string[] {
  const groups = (typeof raw === 'string' ? raw : '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of groups) {
    if (!/^[\p{L}\p{N}_.@-]{1,100}$/u.test(g))
      throw new InputError(`"${g.slice(0, 40)}" is not a group name (letters, digits, _ . @ -)`);
  }
  return groups.length > 0 ? [...new Set(groups)] : ['all'];
}

export function parseClassification(raw: unknown): Classification {
  if (raw === undefined || raw === '') return 'internal';
  if (typeof raw === 'string' && (CLASSIFICATIONS as readonly string[]).includes(raw))
    return raw as Classification;
  throw new InputError(`classification must be one of ${CLASSIFICATIONS.join(', ')}`);
}

/** Knowledge publishing from the admin UI and API; the CLI's `ingest` changes the same store. */
export function createKnowledgeService(deps: KnowledgeServiceDeps): KnowledgeService {
  const { store, logger } = deps;

  async function uploadOne(
    file: UploadedFile,
    options: { audience: readonly string[]; classification: Classification },
  ): Promise<UploadResult> {
    if (file.error !== undefined) return { file: file.name, status: 'failed', error: file.error };
    const source = UPLOAD_PREFIX + file.name;
    try {
      const contentHash = createHash('sha256').update(file.bytes).digest('hex');
      const existing = await store.documents.getBySource(source);
      if (
        existing?.contentHash === contentHash &&
        existing.classification === options.classification &&
        existing.audience.join() === options.audience.join()
      ) {
        return { file: file.name, status: 'unchanged', id: existing.id, injection: existing.injectionFlag };
      }
      const doc = await loadBytes(source, file.bytes, deps.ingest.limits);
      const stored = await storeDocument(deps.ingest, { source, doc, contentHash, ...options });
      return {
        file: file.name,
        status: stored.created ? 'added' : 'updated',
        id: stored.id,
        injection: stored.injection,
      };
    } catch (error) {
      const reason =
        error instanceof IngestError ? error.message : `could not be read: ${describeError(error)}`;
      logger('warn', 'admin.upload_failed', { file: source, reason });
      return { file: file.name, status: 'failed', error: reason };
    }
  }

  return {
    async upload(files, options, actor) {
      const results: UploadResult[] = [];
      for (const file of files) {
        const result = await uploadOne(file, options);
        results.push(result);
        if (result.status === 'added' || result.status === 'updated') {
          await store.audit.append({
            actor,
            action: 'document.upload',
            target: result.id,
            details: {
              source: UPLOAD_PREFIX + file.name,
              status: result.status,
              classification: options.classification,
            },
          });
        }
      }
      if (results.some((r) => r.status === 'added' || r.status === 'updated')) await deps.persistIndex();
      return results;
    },

    async remove(id, actor) {
      const doc = await store.documents.get(id);
      if (!doc) return false;
      const removed = await store.documents.delete(id);
      await deps.ingest.index.apply(removed, []);
      await deps.persistIndex();
      await store.audit.append({
        actor,
        action: 'document.delete',
        target: id,
        details: { source: doc.source },
      });
      return true;
    },

    async reindex(actor) {
      await deps.reindex();
      await store.audit.append({ actor, action: 'index.rebuild' });
    },
  };
}
