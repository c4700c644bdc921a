import { normalizeForScan } from './normalize.js';
import type { RawFinding, Scanner } from './scanner.js';

/**
 * Canaries: strings an admin registers that must never appear in any answer (a project code name,
 * a planted marker in a restricted document). Matched case-insensitively on normalised text, any
 * run of whitespace matching any other.
 */
export function createCanaryScanner(canaries: () => readonly string[]): Scanner {
  let cachedKey = '';
  let cached: RegExp | undefined;
  const pattern = (): RegExp | undefined => {
    const values = canaries()
      .map((c) => normalizeForScan(c).text.trim())
      .filter((c) => c.length > 0);
    const key = values.join('\u0000');
    if (key !== cachedKey) {
      cachedKey = key;
      cached = values.length
        ? new RegExp(
            values
              .sort((a, b) => b.length - a.length)
              .map((v) => escapeRegExp(v).replace(/\s+/g, '\\s+'))
              .join('|'),
            'giu',
          )
        : undefined;
    }
    return cached;
  };
  return {
    name: 'canaries',
    scan(text) {
      const re = pattern();
      if (!re) return [];
      const found: RawFinding[] = [];
      for (const m of text.matchAll(re))
        found.push({ type: 'canary', start: m.index, end: m.index + m[0].length });
      return found;
    },
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
