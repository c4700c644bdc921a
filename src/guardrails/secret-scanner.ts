import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import { findCredentials, isPlaceholder } from './credential-rules.js';
import type { FindingType, RawFinding, Scanner } from './scanner.js';

type Rule = (typeof recommendedRules)[number];
type RuleContext = Parameters<Rule['create']>[0];
type Handler = ReturnType<Rule['create']>;
type RuleSource = Parameters<NonNullable<Handler['file']>>[0];

/*
 * secretlint's recommended rules, run directly rather than through `@secretlint/core`'s
 * `lintSource`: core marks every run on the global performance timeline through a profiler that
 * never clears its entries, so each call gets slower and memory grows for the life of the process
 * (measured: 36 marks per call; the 4th batch of 500 calls took 9× the 1st). Left out:
 * `filter-comments`, so that an answer cannot switch the scanner off with `secretlint-disable`.
 * AWS access key ids are scanned too (the preset leaves them off because repositories are full of
 * them; a chat answer should never hold one).
 */
const RULES = recommendedRules.filter(
  (rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments',
);
const OPTIONS: Readonly<Record<string, object>> = {
  '@secretlint/secretlint-rule-aws': { enableIDScanRule: true },
};

const RULE_TYPES: Readonly<Record<string, FindingType>> = {
  '@secretlint/secretlint-rule-privatekey': 'private_key',
  '@secretlint/secretlint-rule-database-connection-string': 'connection_string',
  '@secretlint/secretlint-rule-basicauth': 'connection_string',
};

/** Runs every rule's `file` handler over a text; the subset of secretlint's rule context the rules use. */
function runRules(text: string): RawFinding[] | Promise<RawFinding[]> {
  const found: RawFinding[] = [];
  const pending: Promise<void>[] = [];
  // The source of a chat answer: no file path, so file-type rules (package.json, .npmrc, .p12) stay generic.
  const source = { content: text, filePath: undefined, ext: '.txt', contentType: 'text', hasBOM: false };
  for (const rule of RULES) {
    const type = RULE_TYPES[rule.meta.id] ?? 'secret';
    const context = {
      sharedOptions: {},
      createTranslator: () => (messageId: string) => ({ message: messageId, messageId }),
      report: (descriptor: { range: readonly [number, number] }) => {
        const [start, end] = descriptor.range;
        if (end <= start) return;
        // The connection-string rules report documentation examples too: postgres://user:<password>@host.
        const password = /:\/\/[^:/\s@]*:([^@\s]*)@/.exec(text.slice(start, end))?.[1];
        if (type === 'connection_string' && password !== undefined && isPlaceholder(password)) return;
        found.push({ type, start, end });
      },
      ignore: () => {},
    } as unknown as RuleContext;
    const handler = rule.create(context, (OPTIONS[rule.meta.id] ?? {}) as never);
    const result = handler.file?.(source as unknown as RuleSource);
    if (result) pending.push(result);
  }
  return pending.length ? Promise.all(pending).then(() => found) : found;
}

/** API keys and tokens (secretlint's maintained rules) plus the project's own credential rules. */
export function createSecretScanner(): Scanner {
  return {
    name: 'secrets',
    scan(text) {
      const own = findCredentials(text);
      const maintained = runRules(text);
      return Array.isArray(maintained) ? [...own, ...maintained] : maintained.then((m) => [...own, ...m]);
    },
  };
}
