import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { connectorFactories } from '../../ingest/sources/connectors.js';
import { type SourceRunReport, runSource } from '../../ingest/sources/run-source.js';
import type { SourceConnector } from '../../ingest/sources/source-types.js';
import { type SourceDefinition, loadSourcesFile } from '../../ingest/sources/sources-file.js';
import { ConfigError } from '../core/errors.js';
import type { Runtime } from '../runtime.js';

/** A source of SOURCES_FILE with its connector, ready to run. */
export interface OpenSource {
  readonly definition: SourceDefinition;
  readonly connector: SourceConnector;
}

/**
 * Who holds a source's lease: this process. Host name and pid for the admin reading it, and a random
 * part, because two containers may share both (host networking, pid 1 in each).
 */
export const LEASE_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Reads SOURCES_FILE and builds each source's connector; undefined when it is not set. An invalid
 * file, a missing environment variable or a connector that refuses its settings is a ConfigError.
 */
export async function openSources(
  runtime: Pick<Runtime, 'config' | 'logger'>,
): Promise<OpenSource[] | undefined> {
  const { config, logger } = runtime;
  if (!config.sourcesFile) return undefined;
  const definitions = await loadSourcesFile(config.sourcesFile, config.environment ?? (() => undefined));
  const open: OpenSource[] = [];
  for (const definition of definitions) {
    const factory = connectorFactories[definition.type];
    if (!factory) throw new ConfigError(`SOURCES_FILE: source "${definition.name}": unknown type`);
    try {
      const connector = await factory.create(definition.settings, {
        env: definition.env,
        logger,
        sourceName: definition.name,
        audience: definition.audience,
        audienceExplicit: definition.audienceExplicit,
        baseDir: definition.baseDir,
        cwd: process.cwd(),
        maxFileBytes: config.maxFileBytes,
      });
      open.push({ definition, connector });
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(
        `SOURCES_FILE ${config.sourcesFile}: source "${definition.name}" (${definition.type}) could not be set up: ${(error as Error).message}`,
      );
    }
  }
  return open;
}

/** Runs one source once in this process and reports it in the metrics. */
export async function runOpenSource(
  runtime: Pick<Runtime, 'config' | 'ingestDeps' | 'store' | 'metrics'>,
  source: OpenSource,
  signal?: AbortSignal,
): Promise<SourceRunReport> {
  const { definition } = source;
  const report = await runSource(
    {
      sync: runtime.ingestDeps,
      sources: runtime.store.sources,
      maxFileBytes: runtime.config.maxFileBytes,
      holder: LEASE_HOLDER,
    },
    definition,
    source.connector,
    signal,
  );
  const labels = { source: definition.name };
  runtime.metrics.sourceRuns.inc({ ...labels, status: report.status });
  if (report.failed.length > 0) runtime.metrics.sourceItemFailures.inc(labels, report.failed.length);
  if (report.status === 'ok' || report.status === 'partial') {
    runtime.metrics.sourceLastSuccess.set(labels, Date.now() / 1000);
    const state = await runtime.store.sources.state(definition.name);
    if (state) runtime.metrics.sourceItems.set(labels, state.items);
  }
  return report;
}
