import { InputError } from '../core/errors.js';
import { CLASSIFICATIONS, type Classification } from '../core/types.js';
import { type SyncReport, syncPaths } from '../../ingest/sync.js';
import type { Runtime } from '../runtime.js';
import { parseCommand } from './args.js';
import { createProgressBar } from './progress.js';

const USAGE =
  'polydesk ingest <path>... [--audience g1,g2] [--classification public|internal|confidential|restricted] [--prune] [--json]';

export async function ingestCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      audience: { type: 'string' },
      classification: { type: 'string' },
      prune: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length === 0) throw new InputError(`name at least one file or folder\nusage: ${USAGE}`);
  const classification = values.classification as string | undefined;
  if (classification !== undefined && !CLASSIFICATIONS.includes(classification as Classification))
    throw new InputError(`--classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  const audience =
    typeof values.audience === 'string'
      ? values.audience
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean)
      : undefined;
  if (audience && audience.length === 0) throw new InputError('--audience needs at least one group name');
  const bar = createProgressBar();
  const started = performance.now();
  const report = await syncPaths(runtime.ingestDeps, {
    paths: positionals,
    audience,
    classification: classification as Classification | undefined,
    prune: Boolean(values.prune),
    maxBytes: runtime.config.maxFileBytes,
    onProgress: (done, total, file) => bar.update(done, total, file),
  });
  bar.done();
  await runtime.index.persist();
  runtime.metrics.ingestFailures.inc(report.failed.length);
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...report, seconds: Number(seconds.toFixed(3)) }) + '\n');
  } else {
    process.stdout.write(humanReport(report, seconds));
  }
  return report.failed.length > 0 ? 1 : 0;
}

function humanReport(report: SyncReport, seconds: number): string {
  const lines = [
    `added ${report.added.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, removed ${report.removed.length}, failed ${report.failed.length} (${seconds.toFixed(1)} s)`,
  ];
  for (const f of report.failed) lines.push(`  failed: ${f.file}: ${f.reason}`);
  for (const s of report.sensitive) {
    const counts = Object.entries(s.findings).map(([type, n]) => `${n} ${type}`);
    lines.push(
      `  sensitive: ${s.file}: ${counts.join(', ')} (answers that reproduce them are held for review)`,
    );
  }
  return lines.join('\n') + '\n';
}
