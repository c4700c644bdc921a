import { EVERYONE } from '../../src/core/access.js';

/**
 * How a SharePoint/OneDrive item's sharing permissions become a PolyDesk audience. PolyDesk's
 * audiences are groups; a grant that names no group PolyDesk knows gives nobody access here, so an
 * item shared only with named people is readable by nobody through PolyDesk (fail closed).
 */
export interface PermissionMapping {
  /**
   * Entra ID group id, SharePoint group name or Entra group display name → PolyDesk group name.
   * Keys are matched case-insensitively. A group not listed maps to its display name as a slug
   * (`HR Team` → `hr-team`).
   */
  readonly groups: Readonly<Record<string, string>>;
  /** What a sharing link anyone may use (scope `anonymous`) gives: nothing, or everyone (`all`). */
  readonly anyoneLinks: 'ignore' | 'all';
}

/** The part of Graph's `identity` PolyDesk reads. */
export interface GraphIdentity {
  readonly id?: string | null;
  readonly displayName?: string | null;
  readonly email?: string | null;
  readonly loginName?: string | null;
}

/** A `sharePointIdentitySet` (or the older `identitySet`). */
export interface GraphIdentitySet {
  readonly user?: GraphIdentity | null;
  readonly group?: GraphIdentity | null;
  readonly siteUser?: GraphIdentity | null;
  readonly siteGroup?: GraphIdentity | null;
}

/** The fields of Graph's `permission` resource that decide who may read. */
export interface GraphPermission {
  readonly roles?: readonly string[] | null;
  readonly link?: { readonly scope?: string | null } | null;
  readonly grantedToV2?: GraphIdentitySet | null;
  readonly grantedToIdentitiesV2?: readonly GraphIdentitySet[] | null;
  readonly grantedTo?: GraphIdentitySet | null;
  readonly grantedToIdentities?: readonly GraphIdentitySet[] | null;
}

/**
 * SharePoint's claims for "everyone in the organisation": `Everyone except external users`
 * (`spo-grid-all-users/<tenant>`) and `Everyone` (`c:0(.s|true`), which PolyDesk's users, all of the
 * organisation, are part of.
 */
const EVERYONE_CLAIM = /spo-grid-all-users|^c:0\(\.s\|true$|^c:0-\.f\|rolemanager\|spo-grid-all-users/i;
const EVERYONE_NAMES = new Set(['everyone', 'everyone except external users']);

/** The audience the permissions give, sorted; empty when none maps to anyone PolyDesk knows. */
export function audienceFromPermissions(
  permissions: readonly GraphPermission[],
  mapping: PermissionMapping,
): string[] {
  const lookup = new Map(
    Object.entries(mapping.groups).map(([key, group]) => [key.trim().toLowerCase(), group]),
  );
  const audience = new Set<string>();
  const addIdentities = (set: GraphIdentitySet | null | undefined) => {
    const group = identityGroup(set, lookup);
    if (group) audience.add(group);
  };
  for (const permission of permissions) {
    const scope = permission.link?.scope;
    if (permission.link) {
      if (scope === 'organization') audience.add(EVERYONE);
      else if (scope === 'anonymous') {
        if (mapping.anyoneLinks === 'all') audience.add(EVERYONE);
      } else if (scope === 'users') {
        for (const set of permission.grantedToIdentitiesV2 ?? permission.grantedToIdentities ?? [])
          addIdentities(set);
      }
      // `existingAccess` and unknown scopes grant nothing beyond the item's other permissions.
      continue;
    }
    addIdentities(permission.grantedToV2 ?? permission.grantedTo);
    for (const set of permission.grantedToIdentitiesV2 ?? permission.grantedToIdentities ?? [])
      addIdentities(set);
  }
  return [...audience].sort();
}

/** The PolyDesk group one grantee stands for, or undefined for a person or an unknown kind. */
function identityGroup(
  set: GraphIdentitySet | null | undefined,
  lookup: ReadonlyMap<string, string>,
): string | undefined {
  if (!set) return undefined;
  const everyone = [set.siteUser, set.siteGroup, set.group].some(
    (identity) =>
      identity &&
      ((identity.loginName && EVERYONE_CLAIM.test(identity.loginName)) ||
        EVERYONE_NAMES.has((identity.displayName ?? '').trim().toLowerCase())),
  );
  if (everyone) return EVERYONE;
  for (const identity of [set.group, set.siteGroup]) {
    if (!identity) continue;
    for (const key of [identity.id, identity.displayName, identity.loginName]) {
      const mapped = key ? lookup.get(key.trim().toLowerCase()) : undefined;
      if (mapped) return mapped;
    }
    const slug = groupSlug(identity.displayName ?? '');
    // A group that happens to be called "All" is a group, not everyone.
    if (slug) return slug === EVERYONE ? `${slug}-group` : slug;
  }
  // A person (`user`, or a `siteUser` that is not an everyone claim): PolyDesk has no per-person audience.
  return undefined;
}

/** A display name as a PolyDesk group name: NFKC, lower case, runs of other characters as one `-`. */
export function groupSlug(displayName: string): string {
  return displayName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
