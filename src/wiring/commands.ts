import type { Config } from '../config.js';
import type { Logger } from '../core/log.js';
import type { Runtime } from '../runtime.js';

// Imported when the command runs (see main.ts): a command loads only what it uses.

/** Commands contributed by optional parts that need the whole runtime (admin). */
export const extraCommands: Record<string, (runtime: Runtime, args: readonly string[]) => Promise<number>> = {
  admin: async (runtime, args) => (await import('../cli/admin-command.js')).adminCommand(runtime, args),
  scan: async (runtime, args) => (await import('../cli/scan-command.js')).scanCommand(runtime, args),
  reembed: async (runtime, args) => (await import('../cli/reembed-command.js')).reembedCommand(runtime, args),
  summarize: async (runtime, args) =>
    (await import('../cli/summarize-command.js')).summarizeCommand(runtime, args),
  sync: async (runtime, args) => (await import('../cli/sync-command.js')).syncCommand(runtime, args),
};

/** Commands contributed by optional parts that need only the configuration (and open what they use). */
export const extraLightCommands: Record<
  string,
  (config: Config, logger: Logger, args: readonly string[]) => Promise<number>
> = {
  user: async (config, logger, args) =>
    (await import('../cli/user-command.js')).userCommand(config, logger, args),
  backup: async (config, logger, args) =>
    (await import('../cli/backup-command.js')).backupCommand(config, logger, args),
  restore: async (config, logger, args) =>
    (await import('../cli/backup-command.js')).restoreCommand(config, logger, args),
};
