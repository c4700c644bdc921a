/** Indices of the k highest scores, best first; ties broken by lower doc number. */
export function selectTop(
  candidates: readonly number[],
  scores: Float32Array,
  k: number,
  accept: ((doc: number) => boolean) | undefined,
): number[] {
  const heap: number[] = []; // min-heap by (score, -doc): the root is the weakest kept
  const weaker = (a: number, c: number) => scores[a]! < scores[c]! || (scores[a] === scores[c] && a > c);
  for (const doc of candidates) {
    if (heap.length === k && !weaker(heap[0]!, doc)) continue;
    if (accept && !accept(doc)) continue;
    if (heap.length < k) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!weaker(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else {
      heap[0] = doc;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && weaker(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && weaker(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
  }
  return heap.sort((a, c) => (weaker(a, c) ? 1 : -1));
}
