import type { SourceConnector, SourceItem } from '../../ingest/sources/source-types.js';

/**
 * A connector that records which items' bytes the runner asked for (by `label`, the key unless
 * told), so that a test can say an unchanged item was not fetched.
 */
export function countingFetches(
  inner: SourceConnector,
  label: (item: SourceItem) => string = (item) => item.key,
): SourceConnector & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    type: inner.type,
    fetched,
    async listChanges(cursor, signal) {
      const changes = await inner.listChanges(cursor, signal);
      return {
        ...changes,
        items: changes.items.map((item) => ({
          ...item,
          fetch: (s?: AbortSignal) => {
            fetched.push(label(item));
            return item.fetch(s);
          },
        })),
      };
    },
  };
}
