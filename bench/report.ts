import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Collects benchmark sections as Markdown; `npm run bench` writes it under bench/out/. */
export class BenchReport {
  private readonly lines: string[] = [];

  constructor(readonly command: string) {
    const cpus = os.cpus();
    this.lines.push(
      '# PolyDesk benchmark report',
      '',
      `- date: ${new Date().toISOString()}`,
      `- command: \`${command}\``,
      `- machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
      '',
    );
  }

  section(title: string): void {
    this.lines.push(`## ${title}`, '');
    process.stderr.write(`[bench] ${title}\n`);
  }

  note(text: string): void {
    this.lines.push(text, '');
  }

  table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v);
    this.lines.push(`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`);
    for (const row of rows) this.lines.push(`| ${row.map(cell).join(' | ')} |`);
    this.lines.push('');
  }

  toMarkdown(): string {
    return this.lines.join('\n');
  }

  write(dir: string): string {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `report-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, this.toMarkdown());
    writeFileSync(path.join(dir, 'latest.md'), this.toMarkdown());
    return file;
  }
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** Percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
