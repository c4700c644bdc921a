import { allCanRead } from '../core/access.js';
import type { LeakageIndex } from './leakage-index.js';
import type { RawFinding, Scanner } from './scanner.js';

/**
 * Verbatim passages of confidential or restricted documents that some reader may not see. The
 * index is read through a function so that the caller can swap it when documents change.
 */
export function createLeakageScanner(index: () => LeakageIndex): Scanner {
  return {
    name: 'leakage',
    scan(text, context) {
      const visible = context.sources.filter((s) => allCanRead(context.readers, s)).map((s) => s.text);
      return index()
        .findLeaks(text, context.readers, visible)
        .map((m): RawFinding => ({ type: 'leakage', start: m.start, end: m.end, docId: m.docId }));
    },
  };
}
