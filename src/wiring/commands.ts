import { adminCommand } from '../cli/admin-command.js';
import { backupCommand, restoreCommand } from '../cli/backup-command.js';
import { userCommand } from '../cli/user-command.js';
import { reembedCommand } from '../cli/reembed-command.js';
import { scanCommand } from '../cli/scan-command.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/log.js';
import type { Runtime } from '../runtime.js';

/** Commands contributed by optional parts that need the whole runtime (admin). */
export const extraCommands: Record<string, (runtime: Runtime, args: readonly string[]) => Promise<number>> = {
  admin: adminCommand,
  scan: scanCommand,
  reembed: reembedCommand,
};

/** Commands contributed by optional parts that need only the configuration (and open what they use). */
export const extraLightCommands: Record<
  string,
  (config: Config, logger: Logger, args: readonly string[]) => Promise<number>
> = {
  user: (config, logger, args) => userCommand(config, logger, args),
  backup: backupCommand,
  restore: restoreCommand,
};
