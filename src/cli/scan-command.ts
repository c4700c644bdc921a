import { runScanCommand } from '../guardrails/scan-command.js';
import type { Runtime } from '../runtime.js';
import { parseCommand } from './args.js';

const USAGE = 'polydesk scan --json   (JSON lines {"id","text"} on stdin)';

/**
 * `polydesk scan --json`: the guardrails alone, with the policy, canaries and restricted passages of
 * this installation, for a reader in group `all` only.
 */
export async function scanCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  parseCommand(args, { json: { type: 'boolean' } }, USAGE);
  const { failed } = await runScanCommand(process.stdin, process.stdout, runtime.guard);
  return failed > 0 ? 1 : 0;
}
