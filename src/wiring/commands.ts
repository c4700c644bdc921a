import { adminCommand } from '../cli/admin-command.js';
import { scanCommand } from '../cli/scan-command.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/log.js';
import type { Runtime } from '../runtime.js';

/** Commands contributed by optional parts that need the whole runtime (admin). */
export const extraCommands: Record<string, (runtime: Runtime, args: readonly string[]) => Promise<number>> = {
  admin: adminCommand,
  scan: scanCommand,
};

/** Commands contributed by optional parts that need only the configuration (scan). */
export const extraLightCommands: Record<
  string,
  (config: Config, logger: Logger, args: readonly string[]) => Promise<number>
> = {};
