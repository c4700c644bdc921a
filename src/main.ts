import { type Config, loadConfig } from './config.js';
import { ConfigError, PolyDeskError, describeError } from './core/errors.js';
import { type Logger, createLogger } from './core/log.js';
import type { Runtime } from './runtime.js';
import { extraCommands, extraLightCommands } from './wiring/commands.js';

const HELP = `PolyDesk — multilingual helpdesk bot answering from your documents

usage: polydesk <command> [options]

commands:
  serve                         HTTP server: chat page, Slack, Teams, admin UI (PORT, default 3000)
  ingest <path>... [--audience g1,g2] [--classification c] [--prune] [--json]
  sync [--source NAME] [--json]  syncs the sources of SOURCES_FILE once (serve syncs them on their schedules)
  search [query] [--k N] [--user EMAIL] --json   (no query: JSON lines {"id","query"} on stdin)
  ask "question" [--user EMAIL] [--json]
  summarize <source|docId> [--user EMAIL] [--language xx] [--json]   a summary of one document
  eval FILE [--k N] [--json] [--out REPORT] [--baseline REPORT]   golden set (CSV or JSON lines) through ask
  scan --json                   guardrails only: JSON lines {"id","text"} on stdin
  generate "text" [--max-tokens N] [--json]
  generate --check [--json]     the model in LLM_MODEL_DIR: shape, weight types, provider, memory, tokens/s
  reembed [--json]              embed chunks that lack the configured model's embedding, rebuild indexes
  admin create-user EMAIL --role admin|reviewer|publisher [--password-stdin]
  admin delete-user EMAIL       removes the user; their sessions and API tokens stop working
  admin token EMAIL [--expires-in 90d]   prints a new API token (default lifetime ADMIN_TOKEN_TTL_DAYS)
  admin tokens [EMAIL] [--json] lists API tokens by id
  admin revoke-token TOKEN-ID|TOKEN | --all EMAIL
  user export EMAIL | user delete EMAIL   data-subject requests (JSON on stdout)
  backup FILE | restore FILE    SQLite database (stop serve before restoring)

Configuration comes from environment variables; see README.md.`;

type Command = (runtime: Runtime, args: readonly string[]) => Promise<number>;
/** Commands that need only the configuration, not the database and indexes. */
type LightCommand = (config: Config, logger: Logger, args: readonly string[]) => Promise<number>;

// Each command's module is imported when that command runs, so that `ask` does not load the chat
// platforms' SDKs, the admin UI or the document loaders (a CLI question starts in a fraction of the time).
const COMMANDS: Record<string, Command> = {
  serve: async (runtime) => (await import('./cli/serve-command.js')).serveCommand(runtime),
  ingest: async (runtime, args) => (await import('./cli/ingest-command.js')).ingestCommand(runtime, args),
  search: async (runtime, args) => (await import('./cli/search-command.js')).searchCommand(runtime, args),
  ask: async (runtime, args) => (await import('./cli/ask-command.js')).askCommand(runtime, args),
  eval: async (runtime, args) => (await import('./cli/eval-command.js')).evalCommand(runtime, args),
  ...extraCommands,
};

const LIGHT_COMMANDS: Record<string, LightCommand> = {
  generate: async (config, logger, args) =>
    (await import('./cli/generate-command.js')).generateCommand(config, logger, args),
  ...extraLightCommands,
};

/** Runs the CLI; returns the exit code. The only place that reads process.env. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  const light = LIGHT_COMMANDS[command];
  if (!run && !light) {
    process.stderr.write(`polydesk: unknown command "${command}"\n\n${HELP}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`polydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const logger: Logger = createLogger({ level: command === 'serve' ? config.logLevel : quietLevel(config) });
  let runtime: Runtime | undefined;
  try {
    if (light) return await light(config, logger, args);
    const { createRuntime } = await import('./runtime.js');
    // Only serve exposes /metrics; a one-shot command's would never be read.
    runtime = await createRuntime(config, logger, {
      metrics: command === 'serve' ? 'prometheus' : 'discard',
    });
    return await run!(runtime, args);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`polydesk: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof PolyDeskError &&
      (error.code === 'INPUT_INVALID' || error.code === 'MODEL_LOAD_FAILED')
    ) {
      process.stderr.write(`polydesk: ${error.message}\n`);
      return 2;
    }
    logger('error', 'command.failed', { command, error: describeError(error) });
    process.stderr.write(`polydesk ${command} failed: ${describeError(error)}\n`);
    return 1;
  } finally {
    await runtime?.close().catch(() => {});
  }
}

/** One-shot commands log warnings and errors only, unless LOG_LEVEL asks for more. */
function quietLevel(config: Config): Config['logLevel'] {
  return config.logLevel === 'debug' || config.logLevel === 'error' ? config.logLevel : 'warn';
}
