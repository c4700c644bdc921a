import type { SourceRunReport } from '../../ingest/sources/run-source.js';
import { ConfigError, InputError } from '../core/errors.js';
import type { Runtime } from '../runtime.js';
import { openSources, runOpenSource } from '../wiring/sources.js';
import { parseCommand } from './args.js';

const USAGE = 'polydesk sync [--source NAME] [--json]';

/**
 * `polydesk sync`: runs the sources of SOURCES_FILE (or the one named) once, one after the other.
 * Exit 1 when a source or an item failed, or another process was running a source.
 */
export async function syncCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { source: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length > 0)
    throw new InputError(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (!runtime.config.sourcesFile)
    throw new ConfigError(
      'polydesk sync needs SOURCES_FILE: set it to a YAML or JSON file listing the sources to sync (see docs/sources.md)',
    );
  const sources = (await openSources(runtime)) ?? [];
  const wanted = values.source as string | undefined;
  const chosen = wanted === undefined ? sources : sources.filter((s) => s.definition.name === wanted);
  if (wanted !== undefined && chosen.length === 0) {
    const names = sources.map((s) => s.definition.name);
    throw new InputError(
      `no source named "${wanted}" in SOURCES_FILE; its sources: ${names.length > 0 ? names.join(', ') : '(none)'}`,
    );
  }
  const reports: (SourceRunReport & { type: string })[] = [];
  for (const source of chosen) {
    if (!values.json)
      process.stderr.write(`syncing ${source.definition.name} (${source.definition.type})...\n`);
    reports.push({ ...(await runOpenSource(runtime, source)), type: source.definition.type });
  }
  await runtime.index.persist();
  if (values.json) process.stdout.write(JSON.stringify({ sources: reports }) + '\n');
  else process.stdout.write(reports.map(humanReport).join(''));
  return reports.some((r) => r.status !== 'ok') ? 1 : 0;
}

function humanReport(report: SourceRunReport & { type: string }): string {
  const counts =
    `added ${report.added.length}, updated ${report.updated.length}, moved ${report.moved.length}, ` +
    `unchanged ${report.unchanged}, removed ${report.removed.length}, failed ${report.failed.length}`;
  const lines = [
    report.status === 'busy'
      ? `${report.source}: not run: another process is syncing it now (try again when it has finished)`
      : `${report.source} (${report.type}): ${report.status}: ${counts} (${report.seconds.toFixed(1)} s)`,
  ];
  if (report.error) lines.push(`  error: ${report.error}`);
  for (const m of report.moved) lines.push(`  moved: ${m.from} -> ${m.to}`);
  for (const f of report.failed) lines.push(`  failed: ${f.item}: ${f.reason}`);
  for (const s of report.skipped) lines.push(`  skipped: ${s.item}: ${s.reason}`);
  for (const s of report.sensitive) {
    const found = Object.entries(s.findings).map(([type, n]) => `${n} ${type}`);
    lines.push(
      `  sensitive: ${s.file}: ${found.join(', ')} (answers that reproduce them are held for review)`,
    );
  }
  return lines.join('\n') + '\n';
}
