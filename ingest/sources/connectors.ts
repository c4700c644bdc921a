import type { z } from 'zod';
import type { Logger } from '../../src/core/log.js';
import { confluenceConnector } from './confluence-source.js';
import { folderConnector } from './folder-source.js';
import { sharePointConnector } from './sharepoint-source.js';
import type { SourceConnector } from './source-types.js';

/** What a connector is given besides its settings. */
export interface ConnectorDeps {
  /**
   * The values of the environment variables this source's settings name in fields ending in `Env`
   * (`"clientSecretEnv": "GRAPH_CLIENT_SECRET"` → `env.GRAPH_CLIENT_SECRET`), and only those: each
   * was checked to be set when the sources file was read. Never log them or put them in an error.
   */
  readonly env: Readonly<Record<string, string>>;
  readonly logger: Logger;
  /** The source's name in the sources file, for logs. */
  readonly sourceName: string;
  /** The sources file's folder: relative paths in its settings are resolved from here. */
  readonly baseDir: string;
  /** The working directory file sources are named relative to, as `polydesk ingest` names them. */
  readonly cwd: string;
  /** MAX_FILE_BYTES: an item larger than this is refused (before downloading it where the size is known). */
  readonly maxFileBytes: number;
  /**
   * The source's `audience`, which items listed without one get. A connector that maps permissions
   * needs it to narrow a restricted item's audience (a Confluence page restricted to a group is
   * still readable only by those of the group who may read the space). Undefined: `["all"]`.
   */
  readonly audience?: readonly string[] | undefined;
  /** Whether the sources file wrote `audience` (false: everyone, by default). */
  readonly audienceExplicit?: boolean | undefined;
}

/**
 * One type of source: the zod schema of its own settings (the entry's fields other than `name`,
 * `type`, `audience`, `classification`, `every` and `allowEmpty`; make it `.strict()` so that a misspelt field is
 * reported) and how to build its connector from the parsed settings.
 */
export interface ConnectorFactory<Settings = unknown> {
  readonly schema: z.ZodType<Settings, z.ZodTypeDef, unknown>;
  /**
   * A file system the publisher owns (a folder): its files' front matter decides who reads them, as
   * with `polydesk ingest`, and a listing that finds nothing may be a share that is not mounted. A
   * service (SharePoint, Confluence) instead says who may read each item, and its empty listing is
   * an answer it gave.
   */
  readonly fileSystem?: boolean;
  /** May import its module lazily (only `serve` and `sync` build connectors). */
  create(settings: Settings, deps: ConnectorDeps): SourceConnector | Promise<SourceConnector>;
}

/** Every type a sources file may name, with its factory. */
export const connectorFactories: Readonly<Record<string, ConnectorFactory>> = {
  folder: folderConnector,
  confluence: confluenceConnector,
  sharepoint: sharePointConnector,
};
