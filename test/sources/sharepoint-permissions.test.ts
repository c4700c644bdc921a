import { describe, expect, it } from 'vitest';
import { audienceFromPermissions, groupSlug } from '../../ingest/sources/sharepoint-permissions.js';

const HR_ID = '0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10';
const mapping = { groups: { [HR_ID]: 'hr', 'Contoso Members': 'staff' }, anyoneLinks: 'ignore' as const };

describe('audienceFromPermissions', () => {
  it('maps Entra groups by id, SharePoint groups by name, others by their name as a slug', () => {
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
    expect(audience).toEqual(['finance-team-emea', 'hr', 'staff']);
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

  it('maps everyone in the organisation to all, whichever way SharePoint names it', () => {
    for (const grant of [
      {
        siteUser: {
          displayName: 'Everyone except external users',
          loginName: 'c:0-.f|rolemanager|spo-grid-all-users/7a9d1c',
        },
      },
      { siteUser: { displayName: 'Jeder', loginName: 'c:0(.s|true' } },
      { group: { displayName: 'Everyone' } },
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

  it('never turns a group called "All" into everyone', () => {
    expect(
      audienceFromPermissions([{ grantedToV2: { group: { id: 'g', displayName: 'All' } } }], mapping),
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
