/** One CSV record, or why the record starting on `line` could not be read. */
export type CsvRow =
  | { readonly ok: true; readonly line: number; readonly fields: readonly string[] }
  | { readonly ok: false; readonly line: number; readonly error: string };

/**
 * Longest record read while a quote stays open. A longer one is taken for a quote that was never
 * closed: its first line is reported and the lines after it are read again as records of their own,
 * so that one stray quote costs one line, not the rest of the file (and memory stays bounded).
 */
const MAX_OPEN_RECORD_CHARS = 64 * 1024;

type State = 'start' | 'unquoted' | 'quoted' | 'quote' | 'closed';

/**
 * Assembles CSV records from lines as RFC 4180 and spreadsheets write them: fields in double quotes
 * may hold the separator, line breaks and doubled quotes; blank lines between records are skipped.
 * Lenient where nothing is lost: a quote inside an unquoted field is kept as a character, blanks
 * around a quoted field are ignored. Text after a closing quote is an error of that record.
 */
export class CsvRows {
  private fields: string[] = [];
  private field = '';
  private state: State = 'start';
  /** The raw lines of the record being read, to read them again if its quote never closes. */
  private lines: { readonly text: string; readonly n: number }[] = [];
  private chars = 0;

  constructor(private readonly separator: string) {}

  /** Feeds line `n` (without its line break); returns the records it completed. */
  push(text: string, n: number): CsvRow[] {
    const out: CsvRow[] = [];
    this.feed(text, n, out);
    return out;
  }

  /** The end of the input: a record still open has a quote that never closed. */
  end(): CsvRow[] {
    const out: CsvRow[] = [];
    while (this.lines.length > 0) this.abandon(out);
    return out;
  }

  private feed(text: string, n: number, out: CsvRow[]): void {
    if (this.lines.length === 0 && !text.trim()) return;
    if (this.lines.length > 0) this.field += '\n'; // a line break inside quotes belongs to the field
    this.lines.push({ text, n });
    this.chars += text.length;
    const error = this.scan(text);
    if (error) {
      out.push({ ok: false, line: this.lines[0]!.n, error });
      this.reset();
    } else if (this.state === 'quoted') {
      if (this.chars > MAX_OPEN_RECORD_CHARS) this.abandon(out);
    } else {
      this.fields.push(this.state === 'start' ? '' : this.field);
      out.push({ ok: true, line: this.lines[0]!.n, fields: this.fields });
      this.reset();
    }
  }

  /** Reads one line's characters into the record; returns an error message, if any. */
  private scan(text: string): string | undefined {
    for (const c of text) {
      switch (this.state) {
        case 'start':
        case 'unquoted':
          if (c === this.separator) this.endField();
          else if (c === '"' && !this.field.trim()) {
            this.field = '';
            this.state = 'quoted';
          } else {
            this.field += c;
            this.state = 'unquoted';
          }
          break;
        case 'quoted':
          if (c === '"') this.state = 'quote';
          else this.field += c;
          break;
        case 'quote':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else if (c === this.separator) this.endField();
          else if (c === ' ' || c === '\t') this.state = 'closed';
          else return `text after a closing quote (write a quote inside a quoted value as "")`;
          break;
        case 'closed':
          if (c === this.separator) this.endField();
          else if (c !== ' ' && c !== '\t')
            return `text after a closing quote (write a quote inside a quoted value as "")`;
          break;
      }
    }
    return undefined;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  /** Reports the open record's first line and reads the lines after it again. */
  private abandon(out: CsvRow[]): void {
    const [first, ...rest] = this.lines;
    out.push({ ok: false, line: first!.n, error: 'a quoted value is not closed' });
    this.reset();
    for (const line of rest) this.feed(line.text, line.n, out);
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.state = 'start';
    this.lines = [];
    this.chars = 0;
  }
}
