import { intersectAudiences } from '../../src/core/access.js';

/**
 * Confluence read restrictions as PolyDesk audiences.
 *
 * Confluence lets a person see a page when they may read the space and, for the page and each of
 * its ancestors that carries a read restriction, they are among the users or in one of the groups
 * that restriction lists (a restricted parent hides its children). PolyDesk's audience is a list of
 * groups, any of which may read; so each restriction becomes the PolyDesk groups its Confluence
 * groups map to, and the page's audience is what every level allows: the space's audience
 * narrowed by each restriction in turn. Whatever cannot be expressed fails closed: a Confluence
 * group with no mapping and a restriction to named users add nobody, and an intersection that
 * needs membership of two groups at once keeps only the groups the levels have in common.
 */

/** One read restriction as Confluence lists it (on a page, or on one of its ancestors). */
export interface ReadRestriction {
  /** Confluence group names (and ids, on Cloud) the restriction lists. */
  readonly groups: readonly { readonly name?: string | undefined; readonly id?: string | undefined }[];
  /** How many users it lists by name: they map to no group. */
  readonly users: number;
}

/** What a page's restrictions come to. */
export type MappedAudience =
  /** No restriction on the page or above it: the space's audience. */
  | { readonly kind: 'space' }
  /** Restricted: these PolyDesk groups may read it (never empty). */
  | { readonly kind: 'groups'; readonly audience: readonly string[] }
  /** Restricted to nobody PolyDesk can name: not synced. `unmapped` are the groups that would need a mapping. */
  | { readonly kind: 'nobody'; readonly unmapped: readonly string[] };

/** Confluence group (name or id, any case) → PolyDesk groups. */
export type GroupMapping = ReadonlyMap<string, readonly string[]>;

export function groupMapping(groups: Readonly<Record<string, string | readonly string[]>>): GroupMapping {
  return new Map(
    Object.entries(groups).map(([confluence, polydesk]) => [
      confluence.toLowerCase(),
      typeof polydesk === 'string' ? [polydesk] : [...polydesk],
    ]),
  );
}

/**
 * The audience of a page whose own restriction and its ancestors' are `levels` (undefined where a
 * level has none), in a space readable by `spaceAudience`.
 */
export function mapRestrictions(
  levels: readonly (ReadRestriction | undefined)[],
  mapping: GroupMapping,
  spaceAudience: readonly string[],
): MappedAudience {
  const restricted = levels.filter((level): level is ReadRestriction => level !== undefined);
  if (restricted.length === 0) return { kind: 'space' };
  let allowed = new Set(spaceAudience);
  const unmapped = new Set<string>();
  for (const level of restricted) {
    const mapped = new Set<string>();
    for (const group of level.groups) {
      const targets = [group.name, group.id]
        .filter((key): key is string => typeof key === 'string' && key !== '')
        .flatMap((key) => mapping.get(key.toLowerCase()) ?? []);
      if (targets.length === 0) unmapped.add(group.name ?? group.id ?? '?');
      for (const target of targets) mapped.add(target);
    }
    allowed = intersect(allowed, mapped);
  }
  if (allowed.size === 0) return { kind: 'nobody', unmapped: [...unmapped].sort() };
  return { kind: 'groups', audience: [...allowed].sort() };
}

/** `all` is everyone, so it gives way to the other side's groups. */
function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set(intersectAudiences([...a], [...b]));
}

/** A restriction as the v1 API returns it (`restrictions.read.restrictions`, or `byOperation/read`). */
export interface RawReadRestriction {
  readonly restrictions?:
    | {
        readonly group?: { readonly results?: readonly unknown[] | undefined } | undefined;
        readonly user?: { readonly results?: readonly unknown[] | undefined } | undefined;
      }
    | undefined;
}

/**
 * A level's restriction from the API's shape: undefined when it lists nobody (no restriction),
 * `unknown` when the lists were not expanded (the caller asks for them, or fails closed).
 */
export function readRestriction(
  raw: RawReadRestriction | undefined,
): ReadRestriction | undefined | 'unknown' {
  const groupList = raw?.restrictions?.group?.results;
  const userList = raw?.restrictions?.user?.results;
  if (!Array.isArray(groupList) || !Array.isArray(userList)) return 'unknown';
  const groups = groupList.flatMap((g) => {
    const group = g as { name?: unknown; id?: unknown } | null;
    const name = typeof group?.name === 'string' ? group.name : undefined;
    const id = typeof group?.id === 'string' ? group.id : undefined;
    return name || id ? [{ name, id }] : [];
  });
  // An entry that names no group still restricts: it counts as a user, whom no group maps.
  const users = userList.length + (groupList.length - groups.length);
  return groups.length === 0 && users === 0 ? undefined : { groups, users };
}
