import { EVERYONE } from '../../src/core/access.js';

/**
 * How a SharePoint/OneDrive item's sharing permissions become a PolyDesk audience. PolyDesk's
 * audiences are groups; a grant that names no group PolyDesk knows gives nobody access here, so an
 * item shared only with named people is readable by nobody through PolyDesk (fail closed).
 */
export interface PermissionMapping {
  /**
   * Entra ID group id or SharePoint group name → PolyDesk group name. Keys are matched
   * case-insensitively: an Entra group by its id only (its display name is neither unique nor
   * controlled: any member may create a group called "HR"), a SharePoint group by its name (unique
   * in its site, set by the site's owners).
   */
  readonly groups: Readonly<Record<string, string>>;
  /** What a sharing link anyone may use (scope `anonymous`) gives: nothing, or everyone (`all`). */
  readonly anyoneLinks: 'ignore' | 'all';
  /**
   * What a group that `groups` does not list gives: nobody (`none`, fail closed), or the PolyDesk
   * group named as its display name's slug (`HR Team` → `hr-team`), which ties it to whatever
   * PolyDesk group has that name.
   */
  readonly unmappedGroups: 'none' | 'slug';
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
 * SharePoint's claims for everyone in the organisation, which PolyDesk's users all are part of:
 * `Everyone except external users` (`c:0-.f|rolemanager|spo-grid-all-users/<tenant id>`) and
 * `Everyone` (`c:0(.s|true`). Recognised by the claim alone, on a user or Entra identity: a display
 * name is whatever the tenant's language or an owner makes it, and a SharePoint group's login name
 * is its title, which any site owner chooses.
 */
const EVERYONE_CLAIM = /^(?:c:0\(\.s\|true|c:0-\.f\|rolemanager\|spo-grid-all-users\/[\w-]{1,64})$/i;

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
    const group = identityGroup(set, lookup, mapping.unmappedGroups);
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

/** The PolyDesk group one grantee stands for, or undefined for a person or an unmapped group. */
function identityGroup(
  set: GraphIdentitySet | null | undefined,
  lookup: ReadonlyMap<string, string>,
  unmappedGroups: PermissionMapping['unmappedGroups'],
): string | undefined {
  if (!set) return undefined;
  const everyone = [set.siteUser, set.group].some((identity) =>
    EVERYONE_CLAIM.test(identity?.loginName?.trim() ?? ''),
  );
  if (everyone) return EVERYONE;
  const find = (key: string | null | undefined) => (key ? lookup.get(key.trim().toLowerCase()) : undefined);
  const mapped =
    find(set.group?.id) ??
    (set.siteGroup && (find(set.siteGroup.loginName) ?? find(set.siteGroup.displayName)));
  if (mapped) return mapped;
  const group = set.group ?? set.siteGroup;
  if (!group || unmappedGroups === 'none') return undefined;
  const slug = groupSlug(group.displayName ?? '');
  // A group that happens to be called "All" is a group, not everyone.
  return !slug ? undefined : slug === EVERYONE ? `${slug}-group` : slug;
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
