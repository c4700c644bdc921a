/**
 * The figures of a committed bench report (docs/benchmarks.md, or a bench/out report): its
 * sections and their Markdown tables, looked up by names a reader sees (section title, column
 * header, a row's first cell), so that the docs quote the report instead of copying it.
 */

/** A Markdown table of the report. */
export class FigureTable {
  constructor(
    readonly section: string,
    readonly headers: readonly string[],
    readonly rows: readonly (readonly string[])[],
  ) {}

  /** The first row whose cells match `where` (column header → cell text); a string matches the first column. */
  row(where: string | Readonly<Record<string, string>>): FigureRow {
    const wanted = typeof where === 'string' ? { [this.headers[0]!]: where } : where;
    const columns = Object.entries(wanted).map(([header, value]) => [this.column(header), value] as const);
    const row = this.rows.find((cells) => columns.every(([at, value]) => cells[at] === value));
    if (!row)
      throw new Error(
        `${this.section}: no row with ${JSON.stringify(wanted)} in the table "${this.headers[0]}"`,
      );
    return new FigureRow(this, row);
  }

  column(header: string): number {
    const at = this.headers.indexOf(header);
    if (at < 0) throw new Error(`${this.section}: no column "${header}" in the table "${this.headers[0]}"`);
    return at;
  }
}

export class FigureRow {
  constructor(
    private readonly table: FigureTable,
    readonly cells: readonly string[],
  ) {}

  /** The cell under `header`, as the report prints it; an empty cell is an error. */
  text(header: string): string {
    const cell = this.cells[this.table.column(header)] ?? '';
    if (cell === '')
      throw new Error(`${this.table.section}: empty cell "${header}" in row "${this.cells[0]}"`);
    return cell;
  }

  /** The cell under `header` as a number (thousands separators and a trailing ×, %, or unit dropped). */
  number(header: string): number {
    return parseFigure(this.text(header), `${this.table.section}: "${header}" of "${this.cells[0]}"`);
  }
}

export interface ReportSection {
  readonly title: string;
  /** The section's Markdown after its heading line. */
  readonly body: string;
  readonly tables: readonly FigureTable[];
}

export class BenchFigures {
  private constructor(
    /** The report's own header lines (date, command, machine) before the first section. */
    readonly preamble: string,
    readonly sections: readonly ReportSection[],
  ) {}

  static parse(markdown: string): BenchFigures {
    const parts = markdown.split(/^## /m);
    const sections = parts.slice(1).map((part): ReportSection => {
      const newline = part.indexOf('\n');
      const title = (newline < 0 ? part : part.slice(0, newline)).trim();
      const body = newline < 0 ? '' : part.slice(newline + 1);
      return { title, body, tables: tablesOf(title, body) };
    });
    return new BenchFigures(parts[0] ?? '', sections);
  }

  /** The section whose title starts with `title`. */
  section(title: string): ReportSection {
    const found = this.sections.find((s) => s.title.startsWith(title));
    if (!found) throw new Error(`the report has no section "${title}…"`);
    return found;
  }

  /** The first table of that section whose first column is `firstHeader` and which has the columns `also`. */
  table(title: string, firstHeader: string, ...also: string[]): FigureTable {
    const section = this.section(title);
    const table = section.tables.find(
      (t) => t.headers[0] === firstHeader && also.every((h) => t.headers.includes(h)),
    );
    if (!table)
      throw new Error(`${section.title}: no table with the columns ${[firstHeader, ...also].join(', ')}`);
    return table;
  }

  /** The first capture of `pattern` in the section's prose (a figure the report states in a sentence). */
  phrase(title: string, pattern: RegExp): string {
    const section = this.section(title);
    const match = pattern.exec(section.body);
    if (!match?.[1]) throw new Error(`${section.title}: no text matching ${pattern}`);
    return match[1];
  }

  /** A value of the report's header, e.g. `date` or `machine`. */
  header(name: string): string {
    const match = new RegExp(`^- ${name}: (.+)$`, 'm').exec(this.preamble);
    if (!match?.[1]) throw new Error(`the report has no "${name}" line`);
    return match[1];
  }
}

export function parseFigure(cell: string, where: string): number {
  const match = /^-?[\d,]*\.?\d+(?:e-?\d+)?/.exec(cell.trim());
  if (!match) throw new Error(`${where}: "${cell}" is not a number`);
  return Number(match[0].replace(/,/g, ''));
}

function tablesOf(section: string, body: string): FigureTable[] {
  const tables: FigureTable[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length >= 2) {
      const [head, , ...rows] = lines.map(cellsOf);
      tables.push(new FigureTable(section, head!, rows));
    }
    lines = [];
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('|')) lines.push(line);
    else flush();
  }
  flush();
  return tables;
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}
