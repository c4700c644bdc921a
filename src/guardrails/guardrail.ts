import type { Logger } from '../core/log.js';
import type { Finding, GuardAction, Verdict } from '../core/types.js';
import { allCanRead } from '../core/access.js';
import { createCanaryScanner } from './canary-scanner.js';
import { released } from './checked-text.js';
import type { ApprovedText, Guard, GuardContext } from './guard.js';
import type { LeakageIndex } from './leakage-index.js';
import { createLeakageScanner } from './leakage-scanner.js';
import { createMarkingScanner } from './marking-scanner.js';
import { normalizeForScan } from './normalize.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { createPiiScanner } from './pii-scanner.js';
import { DEFAULT_POLICY, type GuardPolicy, strongest } from './policy.js';
import { redact } from './redaction.js';
import { type RawFinding, type Scanner, isCredential } from './scanner.js';
import { createSecretScanner } from './secret-scanner.js';
import { type ValueRegistry, createRegistryScanner } from './sensitive-registry.js';

export interface GuardrailOptions {
  /** What to do with each finding type; DEFAULT_POLICY holds everything. */
  readonly policy?: GuardPolicy | undefined;
  /** Admin-registered strings that must never appear; read on every check. */
  readonly canaries?: (() => readonly string[]) | undefined;
  /** Shingles of confidential and restricted passages; read on every check. */
  readonly leakage?: (() => LeakageIndex) | undefined;
  /** Fingerprints of the sensitive values found in documents at ingest; read on every check. */
  readonly registry?: (() => ValueRegistry) | undefined;
  /** Replaces the default scanners entirely (tests, or a reduced set). */
  readonly scanners?: readonly Scanner[] | undefined;
  readonly logger?: Logger | undefined;
}

/** The scanners a guardrail runs by default: secrets, personal data, markings, and leakage/canaries when given. */
export function defaultScanners(
  options: Pick<GuardrailOptions, 'canaries' | 'leakage' | 'registry'> = {},
): Scanner[] {
  const scanners = [createSecretScanner(), createPiiScanner(), createMarkingScanner()];
  if (options.leakage) scanners.push(createLeakageScanner(options.leakage));
  if (options.registry) scanners.push(createRegistryScanner(options.registry));
  if (options.canaries) scanners.push(createCanaryScanner(options.canaries));
  return scanners;
}

/**
 * The output guardrail: normalises the text, runs every scanner, maps findings back to the
 * original offsets and lets the policy decide. The verdict lists the findings that drove the
 * action (allowed ones are left out); its text is the original when allowed, the masked text when
 * redacted, and empty when held or blocked. A scanner that throws makes `check` reject.
 */
export function createGuardrail(options: GuardrailOptions = {}): Guard {
  const policy = options.policy ?? DEFAULT_POLICY;
  const scanners = options.scanners ?? defaultScanners(options);
  const log = options.logger;

  async function check(text: string, context: GuardContext): Promise<Verdict> {
    const started = performance.now();
    const normalized = normalizeForScan(text);
    const raw = (await Promise.all(scanners.map((s) => s.scan(normalized.text, context)))).flat();
    const seenInSources = sourceValues(context);

    let action: GuardAction = 'allow';
    const acted: { finding: Finding; action: GuardAction }[] = [];
    for (const f of mergeFindings(raw)) {
      let act = policy.actions[f.type] ?? 'hold';
      if (act !== 'allow' && policy.allowWhenInSources.includes(f.type)) {
        if (seenInSources(f.type, normalized.text.slice(f.start, f.end))) act = 'allow';
      }
      if (act === 'allow') continue;
      const span = normalized.toOriginal(f.start, f.end);
      const finding: Finding =
        f.docId === undefined ? { type: f.type, ...span } : { type: f.type, ...span, docId: f.docId };
      acted.push({ finding, action: act });
      action = strongest(action, act);
    }

    const shown =
      action === 'allow'
        ? text
        : action === 'redact'
          ? redact(
              text,
              acted.filter((a) => a.action === 'redact').map((a) => a.finding),
              context.language,
            )
          : '';
    log?.('debug', 'guardrail.verdict', {
      action,
      findings: acted.map((a) => a.finding.type),
      chars: text.length,
      ms: Math.round((performance.now() - started) * 100) / 100,
    });
    return { action, findings: acted.map((a) => a.finding), text: released(shown) };
  }

  async function approve(
    text: string,
    context: GuardContext,
    options: { readonly reveal: boolean },
  ): Promise<ApprovedText> {
    const verdict = await check(text, context);
    const credentials = verdict.findings.filter((f) => isCredential(f.type));
    if (options.reveal || credentials.length === 0) {
      return { text: released(text), masked: [], revealed: options.reveal ? credentials : [] };
    }
    log?.('info', 'guardrail.approval_masked', { findings: credentials.map((f) => f.type) });
    return { text: released(redact(text, credentials, context.language)), masked: credentials, revealed: [] };
  }

  return { check, approve };
}

/** Among credentials, the more specific type names a span that several rules matched. */
const CREDENTIAL_RANK: Readonly<Partial<Record<RawFinding['type'], number>>> = {
  private_key: 5,
  connection_string: 4,
  jwt: 3,
  secret: 2,
  password: 1,
};

/**
 * Overlapping findings of one type are one finding (two rules matching the same token), and a
 * credential inside a more specific one (a JWT that also looks like a random token) is dropped.
 */
function mergeFindings(findings: readonly RawFinding[]): RawFinding[] {
  const rank = (f: RawFinding) => CREDENTIAL_RANK[f.type] ?? 0;
  // A reproduction of a registered value (it names its document) is kept beside the rule's finding.
  const specific = findings.filter(
    (f) =>
      !rank(f) ||
      f.docId !== undefined ||
      !findings.some((o) => rank(o) > rank(f) && o.start < f.end && f.start < o.end),
  );
  const sorted = specific.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RawFinding[] = [];
  for (const f of sorted) {
    const i = merged.findIndex(
      (m) => m.type === f.type && m.docId === f.docId && m.start < f.end && f.start < m.end,
    );
    if (i < 0) merged.push(f);
    else merged[i] = { ...merged[i]!, end: Math.max(merged[i]!.end, f.end) };
  }
  return merged;
}

/**
 * Does a value appear in a source every reader may see? E-mail addresses compare case-insensitively,
 * phone numbers by their last nine digits (so +81 3-1234-5678 and 03-1234-5678 are the same number).
 */
function sourceValues(context: GuardContext): (type: RawFinding['type'], value: string) => boolean {
  let texts: string[] | undefined;
  let phones: Set<string> | undefined;
  const visibleTexts = () => {
    texts ??= context.sources
      .filter((s) => allCanRead(context.readers, s))
      .map((s) => normalizeForScan(s.text).text);
    return texts;
  };
  return (type, value) => {
    if (type === 'phone') {
      phones ??= new Set(
        visibleTexts().flatMap((t) => findPhoneNumbers(t).map((p) => lastDigits(t.slice(p.start, p.end)))),
      );
      return phones.has(lastDigits(value));
    }
    const needle = value.toLowerCase();
    return visibleTexts().some((t) => t.toLowerCase().includes(needle));
  };
}

function lastDigits(value: string): string {
  return value.replace(/\D/g, '').slice(-9);
}
