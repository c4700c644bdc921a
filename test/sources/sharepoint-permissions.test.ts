import { describe, expect, it } from 'vitest';
import { audienceFromPermissions, groupSlug } from '../../ingest/sources/sharepoint-permissions.js';

const HR_ID = '0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10';
const mapping = {
  groups: { [HR_ID]: 'hr', 'Contoso Members': 'staff' },
  anyoneLinks: 'ignore' as const,
  unmappedGroups: 'none' as const,
};
const slugs = { ...mapping, unmappedGroups: 'slug' as const };

describe('audienceFromPermissions', () => {
  it('maps Entra groups by id, SharePoint groups by name, and an unmapped group to nobody', () => {
    const audience = audienceFromPermissions(
      [
        { roles: ['read'], grantedToV2: { group: { id: HR_ID, displayName: 'Human Resources' } } },
        {
          roles: ['write'],
          grantedToV2: {
            siteGroup: { id: '3', displayName: 'contoso members', loginName: 'Contoso Members' },
          },
        },
        { roles: ['owner'], grantedToV2: { group: { id: 'x', displayName: 'Finance Team (EMEA)' } } },
      ],
      mapping,
    );
    expect(audience).toEqual(['hr', 'staff']);
  });

  it('maps an unmapped group to its name as a slug only when told to', () => {
    const finance = [
      { roles: ['owner'], grantedToV2: { group: { id: 'x', displayName: 'Finance Team (EMEA)' } } },
    ];
    expect(audienceFromPermissions(finance, mapping)).toEqual([]);
    expect(audienceFromPermissions(finance, slugs)).toEqual(['finance-team-emea']);
  });

  it("matches a group by its id before any name: another group's display name does not take its mapping", () => {
    const impostor = [
      // An Entra group anyone may create, named after the id-mapped one, and a mapped SharePoint name.
      { roles: ['read'], grantedToV2: { group: { id: 'other', displayName: HR_ID } } },
      { roles: ['read'], grantedToV2: { group: { id: 'other-2', displayName: 'Contoso Members' } } },
    ];
    expect(audienceFromPermissions(impostor, mapping)).toEqual([]);
  });

  it('gives nobody access for grants to named people only (fail closed)', () => {
    const audience = audienceFromPermissions(
      [
        {
          roles: ['read'],
          grantedToV2: {
            user: { id: 'u1', displayName: 'Ann', email: 'ann@contoso.com' },
            siteUser: { id: '7', displayName: 'Ann', loginName: 'i:0#.f|membership|ann@contoso.com' },
          },
        },
        {
          roles: ['read'],
          link: { scope: 'users' },
          grantedToIdentitiesV2: [{ user: { id: 'u2', displayName: 'Bo' } }],
        },
      ],
      mapping,
    );
    expect(audience).toEqual([]);
  });

  it("maps everyone in the organisation to all by SharePoint's claim, whatever it is called", () => {
    for (const grant of [
      {
        siteUser: {
          displayName: 'Everyone except external users',
          loginName: 'c:0-.f|rolemanager|spo-grid-all-users/0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10',
        },
      },
      { siteUser: { displayName: 'Jeder', loginName: 'c:0(.s|true' } },
      {
        siteUser: {
          displayName: 'Tout le monde sauf les utilisateurs externes',
          loginName: 'C:0-.F|ROLEMANAGER|SPO-GRID-ALL-USERS/7A9D1C',
        },
      },
    ]) {
      expect(audienceFromPermissions([{ roles: ['read'], grantedToV2: grant }], mapping)).toEqual(['all']);
    }
    expect(audienceFromPermissions([{ roles: ['read'], link: { scope: 'organization' } }], mapping)).toEqual([
      'all',
    ]);
  });

  it('maps a link anyone may use as configured, and a people link to its groups', () => {
    const anyone = [{ roles: ['read'], link: { scope: 'anonymous' } }];
    expect(audienceFromPermissions(anyone, mapping)).toEqual([]);
    expect(audienceFromPermissions(anyone, { ...mapping, anyoneLinks: 'all' })).toEqual(['all']);
    const people = [
      {
        roles: ['read'],
        link: { scope: 'users' },
        grantedToIdentitiesV2: [{ group: { id: HR_ID, displayName: 'HR' } }],
      },
    ];
    expect(audienceFromPermissions(people, mapping)).toEqual(['hr']);
    expect(
      audienceFromPermissions([{ roles: ['read'], link: { scope: 'existingAccess' } }], mapping),
    ).toEqual([]);
  });

  it('never takes a name any owner can choose for everyone', () => {
    for (const grant of [
      { group: { id: 'g1', displayName: 'Everyone' } },
      {
        siteGroup: {
          id: '9',
          displayName: 'Everyone except external users',
          loginName: 'Everyone except external users',
        },
      },
      // A SharePoint group's login name is its title, which a site owner picks.
      { siteGroup: { id: '10', displayName: 'c:0(.s|true', loginName: 'c:0(.s|true' } },
      {
        siteUser: { id: '11', displayName: 'Everyone', loginName: 'i:0#.f|membership|everyone@contoso.com' },
      },
      {
        siteUser: {
          id: '12',
          displayName: 'x',
          loginName: 'i:0#.f|membership|spo-grid-all-users@contoso.com',
        },
      },
    ]) {
      expect(audienceFromPermissions([{ roles: ['read'], grantedToV2: grant }], mapping)).toEqual([]);
      expect(audienceFromPermissions([{ roles: ['read'], grantedToV2: grant }], slugs)).not.toContain('all');
    }
  });

  it('never turns a group called "All" into everyone', () => {
    expect(
      audienceFromPermissions([{ grantedToV2: { group: { id: 'g', displayName: 'All' } } }], slugs),
    ).toEqual(['all-group']);
  });

  it('reads the deprecated grantedTo when grantedToV2 is absent', () => {
    expect(
      audienceFromPermissions([{ grantedTo: { group: { id: HR_ID, displayName: 'HR' } } }], mapping),
    ).toEqual(['hr']);
  });
});

describe('groupSlug', () => {
  it('lowercases and joins words with dashes, keeping letters of any script', () => {
    expect(groupSlug('  HR Team / Tokyo ')).toBe('hr-team-tokyo');
    expect(groupSlug('人事部')).toBe('人事部');
    expect(groupSlug('---')).toBe('');
  });
});
