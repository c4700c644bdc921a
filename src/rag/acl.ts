import type { Classification, Principal } from '../core/types.js';

/** The part of a document that decides who may read it. */
export interface AccessInfo {
  readonly audience: readonly string[];
  readonly classification: Classification;
}

export const EVERYONE = 'all';

/**
 * May this person read a document? `public` and `internal` documents are visible to their audience
 * (`all` = everyone); `confidential` and `restricted` only to the groups listed explicitly, so an
 * audience of `all` on a restricted document still means "nobody but the groups named".
 */
export function canRead(reader: Principal, doc: AccessInfo): boolean {
  const groups = new Set(reader.groups);
  const secret = doc.classification === 'confidential' || doc.classification === 'restricted';
  for (const group of doc.audience) {
    if (group === EVERYONE) {
      if (!secret) return true;
      continue;
    }
    if (groups.has(group)) return true;
  }
  return false;
}

/**
 * May every reader see it? An empty reader list is an operator query with no restriction
 * (the CLI without `--user`).
 */
export function allCanRead(readers: readonly Principal[], doc: AccessInfo): boolean {
  return readers.every((reader) => canRead(reader, doc));
}
