import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { InputError, PolyDeskError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { backupSqlite, restoreSqlite } from '../store/sqlite-driver.js';
import { parseCommand } from './args.js';

const BACKUP_USAGE = 'polydesk backup FILE';
const RESTORE_USAGE = 'polydesk restore FILE   (stop `polydesk serve` first)';

/** The SQLite file PolyDesk uses; PostgreSQL has its own tools. */
function sqliteFile(config: Config, usage: string): string {
  if (config.databaseUrl && !config.databaseUrl.startsWith('sqlite:'))
    throw new InputError(
      `${usage.split(' ')[1]} is for the SQLite default; back up PostgreSQL with pg_dump and restore with pg_restore`,
    );
  return config.databaseUrl?.slice('sqlite:'.length) ?? path.join(config.dataDir, 'polydesk.sqlite');
}

function fileArgument(args: readonly string[], usage: string): string {
  const { positionals } = parseCommand(args, {}, usage);
  if (positionals.length !== 1) throw new InputError(`give one file\nusage: ${usage}`);
  return path.resolve(positionals[0]!);
}

/** `polydesk backup FILE`: a consistent copy of the SQLite database, taken while the server runs. */
export async function backupCommand(
  config: Config,
  logger: Logger,
  args: readonly string[],
): Promise<number> {
  const file = fileArgument(args, BACKUP_USAGE);
  const source = sqliteFile(config, BACKUP_USAGE);
  try {
    const { bytes } = await backupSqlite(source, file);
    logger('info', 'backup.written', { file, bytes });
    process.stderr.write(`backed up ${source} to ${file} (${bytes} bytes)\n`);
    return 0;
  } catch (error) {
    throw new PolyDeskError('STORE_FAILED', `backup failed: ${describeError(error)}`, { cause: error });
  }
}

/**
 * `polydesk restore FILE`: replaces the SQLite database with a backup (checked first) and drops
 * the search index snapshots, which the next start rebuilds from the restored database.
 */
export async function restoreCommand(
  config: Config,
  logger: Logger,
  args: readonly string[],
): Promise<number> {
  const file = fileArgument(args, RESTORE_USAGE);
  const target = sqliteFile(config, RESTORE_USAGE);
  try {
    await restoreSqlite(file, target);
  } catch (error) {
    throw new InputError(`cannot restore from ${file}: ${describeError(error)}`, { cause: error });
  }
  for (const entry of readdirSync(config.dataDir)) {
    if (/\.snap(\.|$)/.test(entry)) rmSync(path.join(config.dataDir, entry), { force: true });
  }
  logger('info', 'backup.restored', { file });
  process.stderr.write(`restored ${target} from ${file}; the search index is rebuilt on the next start\n`);
  return 0;
}
