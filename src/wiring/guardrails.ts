import type { StreamGuardFactory } from '../answer/answer.js';
import type { Config } from '../config.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { AT_REST_SCAN_VERSION, sensitiveRecords } from '../guardrails/at-rest-scan.js';
import { type FingerprintSeed, seedFromKey } from '../guardrails/fingerprint.js';
import type { Guard } from '../guardrails/guard.js';
import { createGuardrail } from '../guardrails/guardrail.js';
import { type LeakageIndex, createLeakageIndex } from '../guardrails/leakage-index.js';
import { DEFAULT_POLICY, loadPolicy } from '../guardrails/policy.js';
import { detectPromptInjection } from '../guardrails/prompt-injection.js';
import type { FindingType } from '../guardrails/scanner.js';
import { EMPTY_REGISTRY, SensitiveRegistry } from '../guardrails/sensitive-registry.js';
import { createStreamGuard } from '../guardrails/stream-guard.js';
import type { SensitiveScan } from '../store/document-repository.js';
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
  /** The sensitive pass over a document at ingest: fingerprint records to store with it, counts by type. */
  scanSensitive(text: string): Promise<SensitiveScan & { counts: Record<string, number> }>;
}

/** Builds the output guardrails from configuration and the database. */
export async function createGuardParts(deps: {
  store: Store;
  config: Config;
  logger: Logger;
}): Promise<GuardParts> {
  const { store, config, logger } = deps;
  const policy = config.guardrailPolicyFile ? await loadPolicy(config.guardrailPolicyFile) : DEFAULT_POLICY;
  let canaries: readonly string[] = [];
  let leakage: LeakageIndex = createLeakageIndex([]);
  let registry = EMPTY_REGISTRY;
  let leakageVersion = -1;
  const seed = seedFromKey(await store.sensitive.key());

  async function refresh(contentVersion?: number): Promise<void> {
    try {
      canaries = await store.canaries.list();
      const version = contentVersion ?? (await store.documents.contentVersion());
      if (version !== leakageVersion) {
        const chunks = await store.documents.restrictedChunks();
        leakage = createLeakageIndex(
          chunks.map((c) => ({
            docId: c.docId,
            text: c.text,
            audience: c.audience,
            classification: c.classification,
          })),
        );
        const values = await store.sensitive.all();
        registry = new SensitiveRegistry(
          seed,
          values.map((v) => ({ ...v, type: v.type as FindingType })),
        );
        leakageVersion = version;
      }
    } catch (error) {
      // The previous caches stay in use; a failed refresh is retried on the next tick.
      logger('warn', 'guardrails.refresh_failed', { error: describeError(error) });
    }
  }

  await rescanStale(store, seed, logger);
  await refresh();
  const guard = createGuardrail({
    policy,
    canaries: () => canaries,
    leakage: () => leakage,
    registry: () => registry,
    logger,
  });
  const streamGuard: StreamGuardFactory = (context, onVisible, present) => {
    const stream = createStreamGuard(guard, context, { onVisible, present });
    return { push: (delta) => stream.push(delta), close: () => stream.close() };
  };
  return { guard, streamGuard, refresh, scanSensitive: (text) => sensitiveRecords(seed, text) };
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
