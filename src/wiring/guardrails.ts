import type { StreamGuardFactory } from '../answer/answer.js';
import type { Config } from '../config.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { AT_REST_SCAN_VERSION, sensitiveRecords } from '../guardrails/at-rest-scan.js';
import { type FingerprintSeed, seedFromKey } from '../guardrails/fingerprint.js';
import type { Guard } from '../guardrails/guard.js';
import { createGuardrail } from '../guardrails/guardrail.js';
import { GuardCaches, type GuardCacheOptions, type GuardCacheSource } from '../guardrails/guard-caches.js';
import type { LeakageChunk } from '../guardrails/leakage-index.js';
import { DEFAULT_POLICY, loadPolicy } from '../guardrails/policy.js';
import { detectPromptInjection } from '../guardrails/prompt-injection.js';
import type { FindingType } from '../guardrails/scanner.js';
import { createStreamGuard } from '../guardrails/stream-guard.js';
import type { SensitiveScan } from '../store/document-repository.js';
import type { StoredSensitiveSpan } from '../store/sensitive-span-repository.js';
import type { Store } from '../store/store.js';

/** The output guard plus the caches it reads (canaries, restricted passages), kept fresh. */
export interface GuardParts {
  readonly guard: Guard;
  readonly streamGuard: StreamGuardFactory;
  /**
   * Reloads canaries, and the leakage index when the knowledge base's content version moved
   * (pass it when the caller has just read it, to save the query).
   */
  refresh(contentVersion?: number): Promise<void>;
  /** The registry and leakage index, kept current from the change log (see {@link GuardCaches}). */
  readonly caches: GuardCaches;
  /** The sensitive pass over a document at ingest: fingerprint records to store with it, counts by type. */
  scanSensitive(text: string): Promise<SensitiveScan & { counts: Record<string, number> }>;
}

/** Builds the output guardrails from configuration and the database. */
export async function createGuardParts(deps: {
  store: Store;
  config: Pick<Config, 'guardrailPolicyFile'>;
  logger: Logger;
  caches?: GuardCacheOptions;
}): Promise<GuardParts> {
  const { store, config, logger } = deps;
  const policy = config.guardrailPolicyFile ? await loadPolicy(config.guardrailPolicyFile) : DEFAULT_POLICY;
  let canaries: readonly string[] = [];
  const seed = seedFromKey(await store.sensitive.key());
  const caches = new GuardCaches(seed, guardCacheSource(store), logger, deps.caches);

  async function refresh(contentVersion?: number): Promise<void> {
    try {
      canaries = await store.canaries.list();
      await caches.refresh(contentVersion);
    } catch (error) {
      // The previous caches stay in use; a failed refresh is retried on the next tick.
      logger('warn', 'guardrails.refresh_failed', { error: describeError(error) });
    }
  }

  await rescanStale(store, seed, logger);
  await caches.rebuild();
  await refresh();
  const guard = createGuardrail({
    policy,
    canaries: () => canaries,
    leakage: () => caches.leakage,
    registry: () => caches.registry,
    logger,
  });
  const streamGuard: StreamGuardFactory = (context, onVisible, present) => {
    const stream = createStreamGuard(guard, context, { onVisible, present });
    return { push: (delta) => stream.push(delta), close: () => stream.close() };
  };
  return { guard, streamGuard, refresh, caches, scanSensitive: (text) => sensitiveRecords(seed, text) };
}

/** The guard caches' view of the store: the change log, registered values, restricted passages. */
export function guardCacheSource(store: Store): GuardCacheSource {
  const registered = (values: readonly StoredSensitiveSpan[]) =>
    values.map((v) => ({ ...v, type: v.type as FindingType }));
  return {
    contentVersion: () => store.documents.contentVersion(),
    changesSince: (version, limit) => store.documents.changesSince(version, limit),
    async *sensitivePages() {
      for await (const page of store.sensitive.pages()) yield registered(page);
    },
    sensitiveOf: async (docIds) => registered(await store.sensitive.ofDocuments(docIds)),
    restrictedPages: () => store.documents.restrictedChunkPages(),
    async restrictedOf(docIds) {
      const out = new Map<string, LeakageChunk[]>();
      for (const [docId, chunks] of await store.documents.documentChunks(docIds)) {
        const restricted = chunks
          .filter((c) => c.classification === 'confidential' || c.classification === 'restricted')
          .map((c) => ({ docId, text: c.text, audience: c.audience, classification: c.classification }));
        if (restricted.length > 0) out.set(docId, restricted);
      }
      return out;
    },
  };
}

/** Flags documents that contain instructions aimed at the assistant (shown to admins). */
export function detectInjection(text: string): boolean {
  return detectPromptInjection(text).flagged;
}

/**
 * Documents stored before the at-rest scan existed (or by an older version of it) are scanned from
 * their stored chunks, so that an upgrade does not leave their secrets unregistered until someone
 * edits them. Once per document and version, a batch at a time; any replica may do it.
 */
async function rescanStale(store: Store, seed: FingerprintSeed, logger: Logger): Promise<void> {
  let scanned = 0;
  const skipped = new Set<string>();
  for (;;) {
    const stale = (await store.documents.staleSensitive(AT_REST_SCAN_VERSION, 50 + skipped.size)).filter(
      (doc) => !skipped.has(doc.id),
    );
    if (stale.length === 0) break;
    for (const doc of stale) {
      try {
        if (
          await store.documents.replaceSensitive(
            doc.id,
            doc.contentHash,
            await sensitiveRecords(seed, doc.text),
          )
        )
          scanned += 1;
      } catch (error) {
        // Left for the next start; one bad document must not stop this one.
        skipped.add(doc.id);
        logger('error', 'guardrails.rescan_failed', { docId: doc.id, error: describeError(error) });
      }
    }
  }
  if (scanned > 0)
    logger('info', 'guardrails.rescanned_documents', { documents: scanned, version: AT_REST_SCAN_VERSION });
}
