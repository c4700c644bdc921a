import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { GUARD_ACTIONS, type GuardAction } from '../core/types.js';
import { FINDING_TYPES, type FindingType } from './scanner.js';

/** What the guardrails do with each finding type. The strongest action of all findings wins. */
export interface GuardPolicy {
  readonly actions: Readonly<Record<FindingType, GuardAction>>;
  /**
   * Types allowed after all when the same value appears in a source every reader may see
   * (the help desk's own address or phone number quoted from its FAQ).
   */
  readonly allowWhenInSources: readonly FindingType[];
}

/** Defaults: everything held for review, e-mail and phone numbers allowed when a visible source has them. */
export const DEFAULT_POLICY: GuardPolicy = Object.freeze({
  actions: Object.freeze(
    Object.fromEntries(FINDING_TYPES.map((type) => [type, 'hold'])) as Record<FindingType, GuardAction>,
  ),
  allowWhenInSources: Object.freeze(['email', 'phone'] as FindingType[]),
});

const ORDER: Readonly<Record<GuardAction, number>> = { allow: 0, redact: 1, hold: 2, block: 3 };

/** The stronger of two actions (allow < redact < hold < block). */
export function strongest(a: GuardAction, b: GuardAction): GuardAction {
  return ORDER[a] >= ORDER[b] ? a : b;
}

const actionSchema = z.enum(GUARD_ACTIONS as [GuardAction, ...GuardAction[]]);
const typeSchema = z.enum(FINDING_TYPES);
const policySchema = z
  .object({
    actions: z
      .object(Object.fromEntries(FINDING_TYPES.map((t) => [t, actionSchema.optional()])))
      .strict()
      .optional(),
    allowWhenInSources: z.array(typeSchema).optional(),
  })
  .strict();

/**
 * Validates a policy object (parsed from JSON or YAML) over the defaults. Throws a ConfigError
 * that names the offending key, e.g. `actions.emial: unknown key`.
 */
export function parsePolicy(value: unknown, origin = 'guardrail policy'): GuardPolicy {
  const result = policySchema.safeParse(value ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.join('.') || '(top level)';
      if (issue.code === 'unrecognized_keys') {
        const known = where === 'actions' ? FINDING_TYPES.join(', ') : 'actions, allowWhenInSources';
        return issue.keys
          .map(
            (key) =>
              `${where === '(top level)' ? key : `${where}.${key}`}: unknown key (expected one of ${known})`,
          )
          .join('; ');
      }
      return `${where}: ${issue.message}`;
    });
    throw new ConfigError(`${origin}: ${problems.join('; ')}`);
  }
  const actions = { ...DEFAULT_POLICY.actions } as Record<FindingType, GuardAction>;
  for (const [type, action] of Object.entries(result.data.actions ?? {})) {
    if (action) actions[type as FindingType] = action;
  }
  return Object.freeze({
    actions: Object.freeze(actions),
    allowWhenInSources: Object.freeze([
      ...(result.data.allowWhenInSources ?? DEFAULT_POLICY.allowWhenInSources),
    ]),
  });
}

/** Reads a policy file (`.json`, `.yaml` or `.yml`). */
export async function loadPolicy(file: string): Promise<GuardPolicy> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `guardrail policy ${file}: cannot read the file; fix the path or remove the setting`,
      {
        cause: error,
      },
    );
  }
  let value: unknown;
  try {
    // yaml is loaded only when a policy file is set (JSON is YAML too).
    const { parse: parseYaml } = await import('yaml');
    value = parseYaml(raw);
  } catch (error) {
    throw new ConfigError(`guardrail policy ${file}: not valid JSON or YAML (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parsePolicy(value, `guardrail policy ${file}`);
}
