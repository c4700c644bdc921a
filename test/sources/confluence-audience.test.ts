import { describe, expect, it } from 'vitest';
import { groupMapping, mapRestrictions, readRestriction } from '../../ingest/sources/confluence-audience.js';

const mapping = groupMapping({ 'HR-Team': 'hr', 'it-staff': ['it', 'ops'], 'confluence-users': 'all' });
const groups = (...names: string[]) => ({ groups: names.map((name) => ({ name })), users: 0 });

describe('Confluence read restrictions as audiences', () => {
  it('an unrestricted page and ancestors: the space audience', () => {
    expect(mapRestrictions([undefined, undefined], mapping, ['all'])).toEqual({ kind: 'space' });
  });

  it('maps a restricted page’s groups (any case) to PolyDesk groups', () => {
    expect(mapRestrictions([groups('hr-team', 'IT-STAFF')], mapping, ['all'])).toEqual({
      kind: 'groups',
      audience: ['hr', 'it', 'ops'],
    });
  });

  it('a restricted ancestor restricts the page below it', () => {
    expect(mapRestrictions([undefined, groups('HR-Team')], mapping, ['all'])).toEqual({
      kind: 'groups',
      audience: ['hr'],
    });
  });

  it('keeps only what every restricted level allows, within the space’s audience', () => {
    expect(mapRestrictions([groups('HR-Team'), groups('HR-Team', 'it-staff')], mapping, ['all'])).toEqual({
      kind: 'groups',
      audience: ['hr'],
    });
    expect(mapRestrictions([groups('HR-Team', 'it-staff')], mapping, ['it', 'finance'])).toEqual({
      kind: 'groups',
      audience: ['it'],
    });
    expect(mapRestrictions([groups('confluence-users')], mapping, ['it'])).toEqual({
      kind: 'groups',
      audience: ['it'],
    });
  });

  it('fails closed: unmapped groups, named users and disjoint levels admit nobody', () => {
    expect(mapRestrictions([groups('legal')], mapping, ['all'])).toEqual({
      kind: 'nobody',
      unmapped: ['legal'],
    });
    expect(mapRestrictions([{ groups: [], users: 2 }], mapping, ['all'])).toEqual({
      kind: 'nobody',
      unmapped: [],
    });
    expect(mapRestrictions([groups('HR-Team'), groups('it-staff')], mapping, ['all'])).toEqual({
      kind: 'nobody',
      unmapped: [],
    });
    expect(mapRestrictions([groups('HR-Team')], mapping, ['finance'])).toEqual({
      kind: 'nobody',
      unmapped: [],
    });
  });

  it('matches a Cloud group by its id as well as its name', () => {
    const byId = groupMapping({ 'a1b2-c3': 'hr' });
    expect(
      mapRestrictions([{ groups: [{ name: 'renamed', id: 'A1B2-C3' }], users: 0 }], byId, ['all']),
    ).toEqual({
      kind: 'groups',
      audience: ['hr'],
    });
  });

  it('reads the API’s shape; lists that were not expanded are unknown, not unrestricted', () => {
    const lists = (groupResults: unknown[], userResults: unknown[]) => ({
      restrictions: { group: { results: groupResults }, user: { results: userResults } },
    });
    expect(readRestriction(lists([], []))).toBeUndefined();
    expect(
      readRestriction(lists([{ type: 'group', name: 'hr-team' }], [{ type: 'known', accountId: 'x' }])),
    ).toEqual({
      groups: [{ name: 'hr-team', id: undefined }],
      users: 1,
    });
    expect(readRestriction(lists([{ type: 'group' }], []))).toEqual({ groups: [], users: 1 });
    expect(readRestriction({})).toBe('unknown');
    expect(readRestriction(undefined)).toBe('unknown');
  });
});
