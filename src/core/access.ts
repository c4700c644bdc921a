import type { Classification, Principal } from './types.js';

/** The part of a document that decides who may read it. */
export interface AccessInfo {
  readonly audience: readonly string[];
  readonly classification: Classification;
}

export const EVERYONE = 'all';

/**
 * The operator's view with no access restriction (the CLI's `search --unrestricted`, admin tools).
 * It is a value of its own so that it is always asked for by name: no default, no empty list, no
 * missing field ever means "no restriction".
 */
export interface Unrestricted {
  readonly kind: 'unrestricted';
}

export const UNRESTRICTED: Unrestricted = Object.freeze({ kind: 'unrestricted' });

/**
 * Who will read a result: these people, or the operator's {@link UNRESTRICTED} view. An empty list
 * is nobody in particular, so it sees only what anyone may see ({@link isPublic}).
 */
export type Readers = readonly Principal[] | Unrestricted;

export function isUnrestricted(readers: Readers): readers is Unrestricted {
  return (readers as Partial<Unrestricted>).kind === 'unrestricted';
}

/** Readable by anyone at all: classified `public` and addressed to everyone. */
export function isPublic(doc: AccessInfo): boolean {
  return doc.classification === 'public' && doc.audience.includes(EVERYONE);
}

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
 * May every reader see it? Fails closed: an empty reader list sees only {@link isPublic} documents;
 * only the explicit {@link UNRESTRICTED} value sees everything.
 */
export function allCanRead(readers: Readers, doc: AccessInfo): boolean {
  if (isUnrestricted(readers)) return true;
  if (readers.length === 0) return isPublic(doc);
  return readers.every((reader) => canRead(reader, doc));
}

/**
 * The groups in both audiences: who may read under both rules (`all` gives way to the other side's
 * groups). Used to narrow one audience by another, never to widen it.
 */
export function intersectAudiences(a: readonly string[], b: readonly string[]): string[] {
  if (a.includes(EVERYONE)) return [...new Set(b)].sort();
  if (b.includes(EVERYONE)) return [...new Set(a)].sort();
  return [...new Set(a.filter((group) => b.includes(group)))].sort();
}

/** The stricter of two classifications (`restricted` over `confidential` over `internal` over `public`). */
export function stricterClassification(a: Classification, b: Classification): Classification {
  const rank = (c: Classification) => ['public', 'internal', 'confidential', 'restricted'].indexOf(c);
  return rank(a) >= rank(b) ? a : b;
}
