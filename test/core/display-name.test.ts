import { describe, expect, it } from 'vitest';
import { authorName, displayName } from '../../src/core/display-name.js';

describe('authorName', () => {
  it('shows a name without its hidden controls, its white space collapsed', () => {
    expect(authorName('  Ana\u202e  María\n\tPérez\u200b ')).toBe('Ana María Pérez');
    // Zero-width joiners stay: Indic scripts and emoji need them.
    expect(authorName('क्\u200dष')).toBe('क्\u200dष');
  });

  it('keeps at most 80 characters', () => {
    expect(authorName('x'.repeat(200))).toHaveLength(80);
  });

  it('is undefined when nothing visible is left, so that the caller names a fallback', () => {
    expect(authorName(undefined)).toBeUndefined();
    expect(authorName(null)).toBeUndefined();
    expect(authorName(' \u202e\u200b ')).toBeUndefined();
  });

  it('reads as displayName does for a short name', () => {
    expect(authorName('Team\u2066 lead')).toBe(displayName('Team\u2066 lead'));
  });
});
