import type { StreamGuardFactory } from '../answer/answer.js';
import type { Config } from '../config.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Guard } from '../guardrails/guard.js';
import { createGuardrail } from '../guardrails/guardrail.js';
import { type LeakageIndex, createLeakageIndex } from '../guardrails/leakage-index.js';
import { DEFAULT_POLICY, loadPolicy } from '../guardrails/policy.js';
import { detectPromptInjection } from '../guardrails/prompt-injection.js';
import { createStreamGuard } from '../guardrails/stream-guard.js';
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
  let leakageVersion = -1;

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
        leakageVersion = version;
      }
    } catch (error) {
      // The previous caches stay in use; a failed refresh is retried on the next tick.
      logger('warn', 'guardrails.refresh_failed', { error: describeError(error) });
    }
  }

  await refresh();
  const guard = createGuardrail({ policy, canaries: () => canaries, leakage: () => leakage, logger });
  const streamGuard: StreamGuardFactory = (context, onVisible) => {
    const stream = createStreamGuard(guard, context, { onVisible });
    return { push: (delta) => stream.push(delta), close: () => stream.close() };
  };
  return { guard, streamGuard, refresh };
}

/** Flags documents that contain instructions aimed at the assistant (shown to admins). */
export function detectInjection(text: string): boolean {
  return detectPromptInjection(text).flagged;
}
