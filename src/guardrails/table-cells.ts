/** A cell of a table column: its text (trimmed), where it starts, and the whole row it stands in. */
export interface ColumnCell {
  readonly value: string;
  readonly start: number;
  readonly row: string;
}

/**
 * The cells of every Markdown or tab-separated table column whose header cell matches `header`,
 * row by row up to the end of the table (a blank line or a line without the separator). The
 * header is the first row with the separator; Markdown's `|---|` line is skipped.
 */
export function columnCells(text: string, header: RegExp): ColumnCell[] {
  if (!text.includes('|') && !text.includes('\t')) return [];
  const cells: ColumnCell[] = [];
  let columns: number[] = [];
  let separator = '';
  let inTable = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : '';
    if (!sep || (inTable && sep !== separator)) {
      inTable = false;
      continue;
    }
    const parts = line.split(sep);
    if (!inTable) {
      inTable = true;
      separator = sep;
      columns = parts.flatMap((part, i) => (header.test(part.trim()) ? [i] : []));
      continue;
    }
    if (columns.length === 0 || /^[\s|:-]+$/.test(line)) continue;
    for (const column of columns) {
      const raw = parts[column];
      const value = raw?.trim().replace(/^`|`$/g, '');
      if (!raw || !value) continue;
      const before = parts.slice(0, column).join(sep).length + (column > 0 ? 1 : 0);
      cells.push({ value, start: lineStart + before + raw.indexOf(value), row: line });
    }
  }
  return cells;
}
