import type { GuardContext } from './guard.js';

/**
 * The finding types the guardrails report. A small fixed set, so that policies, masks, reviewers'
 * highlights and the evaluation all speak the same names (see docs/guardrails.md).
 */
export const FINDING_TYPES = [
  'secret',
  'private_key',
  'jwt',
  'connection_string',
  'password',
  'email',
  'phone',
  'credit_card',
  'iban',
  'my_number',
  'ssn',
  'kr_rrn',
  'cn_resident_id',
  'th_national_id',
  'marking',
  'leakage',
  'canary',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

/** A finding as a scanner reports it: offsets into the normalised text, `end` exclusive. */
export interface RawFinding {
  readonly type: FindingType;
  readonly start: number;
  readonly end: number;
  /** For leakage: the document whose passage was reproduced. */
  readonly docId?: string | undefined;
}

/**
 * One detector. It reads the normalised text (NFKC, invisible characters removed) and reports
 * spans; the guardrail maps them back to the original text and the policy decides what they mean.
 */
export interface Scanner {
  readonly name: string;
  scan(normalized: string, context: GuardContext): readonly RawFinding[] | Promise<readonly RawFinding[]>;
}
