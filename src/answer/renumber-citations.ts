import type { Citation, SearchHit } from '../core/types.js';

const MARKER = /[[［【]\s*([0-9０-９]+(?:\s*[,，、\-–]\s*[0-9０-９]+)*)\s*[\]］】]/g;

const toAscii = (digits: string) =>
  digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The passage numbers one marker names: `[2]`, `[1, 3]`, `[2-4]`, full-width forms. */
function markerNumbers(list: string): number[] {
  return toAscii(list)
    .split(/\s*[,，、]\s*/)
    .flatMap((part) => {
      const range = part.split(/\s*[-–]\s*/).map(Number);
      if (range.length === 2 && range[0]! <= range[1]! && range[1]! - range[0]! < 20) {
        return Array.from({ length: range[1]! - range[0]! + 1 }, (_, i) => range[0]! + i);
      }
      return range;
    });
}

/**
 * Generators cite passages ([n] = n-th source passage); readers want documents. Passages of the same
 * document get one number, numbered in order of first appearance in the text (then the rest of
 * `cited`), and the text's markers are rewritten. Because the order comes from the text itself, a
 * streamed prefix is numbered exactly as the final answer will be.
 */
export function renumberCitations(
  text: string,
  cited: readonly number[],
  sources: readonly SearchHit[],
): { text: string; citations: Citation[] } {
  const inText = [...text.matchAll(MARKER)].flatMap((m) => markerNumbers(m[1]!));
  const docNumber = new Map<string, number>();
  const passageToDoc = new Map<number, number>();
  const citations: Citation[] = [];
  for (const n of [...inText, ...cited]) {
    const hit = sources[n - 1];
    if (!hit || passageToDoc.has(n)) continue;
    let number = docNumber.get(hit.docId);
    if (number === undefined) {
      number = docNumber.size + 1;
      docNumber.set(hit.docId, number);
      citations.push({ n: number, title: hit.title, source: hit.source, url: hit.url, docId: hit.docId });
    }
    passageToDoc.set(n, number);
  }
  const rewritten = text.replace(MARKER, (whole, list: string) => {
    const mapped = [
      ...new Set(
        markerNumbers(list)
          .map((n) => passageToDoc.get(n))
          .filter((n): n is number => n !== undefined),
      ),
    ];
    if (mapped.length === 0) return whole;
    return `[${mapped.sort((a, b) => a - b).join(', ')}]`;
  });
  return { text: rewritten, citations };
}
