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
  'national_id',
  'bank_account',
  'salary',
  'date_of_birth',
  'passport',
  'home_address',
  'hr_record',
  'marking',
  'leakage',
  'canary',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

/** Credentials of every kind: what a leak of would let someone in. */
export const SECRET_FINDING_TYPES: readonly FindingType[] = [
  'secret',
  'private_key',
  'jwt',
  'connection_string',
  'password',
];

/** Credentials and canaries: what an approved answer delivers masked unless the reviewer reveals it. */
export const CREDENTIAL_FINDING_TYPES: readonly FindingType[] = [...SECRET_FINDING_TYPES, 'canary'];

/** True for a type of {@link CREDENTIAL_FINDING_TYPES}. */
export function isCredential(type: string): boolean {
  return (CREDENTIAL_FINDING_TYPES as readonly string[]).includes(type);
}

/** Identifiers confirmed by a checksum or a nearby label, not by a bare pattern. */
export const VALIDATED_ID_FINDING_TYPES: readonly FindingType[] = [
  'credit_card',
  'iban',
  'my_number',
  'ssn',
  'kr_rrn',
  'cn_resident_id',
  'th_national_id',
  'national_id',
  'bank_account',
  'passport',
];

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
