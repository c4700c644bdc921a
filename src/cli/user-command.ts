import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { InputError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { DataSubjects } from '../reliability/data-subject.js';
import { AdminRepository } from '../store/admin-repository.js';
import { Store } from '../store/store.js';
import { parseCommand } from './args.js';

const USAGE = 'polydesk user export EMAIL\n       polydesk user delete EMAIL';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Data-subject requests. `user export EMAIL` prints, as JSON on stdout, everything PolyDesk recorded
 * about what that employee asked and rated; `user delete EMAIL` erases it (their questions with
 * the answers and feedback on them, and the feedback they gave), and their admin account if they
 * have one (with its sessions and API tokens, which stop working at once), and prints what was
 * deleted. Both leave an entry in the audit log, naming the person by a hash only.
 */
export async function userCommand(
  config: Config,
  _logger: Logger,
  args: readonly string[],
  out: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export' && sub !== 'delete')
    throw new InputError(`unknown user command${sub ? ` "${sub}"` : ''}\nusage: ${USAGE}`);
  const { positionals } = parseCommand(rest, {}, USAGE);
  const email = positionals[0]?.trim().toLowerCase();
  if (!email || !EMAIL.test(email) || positionals.length > 1)
    throw new InputError(`give one e-mail address\nusage: ${USAGE}`);

  const store = await Store.open({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const subjects = new DataSubjects(store.db);
    const target = `sha256:${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
    if (sub === 'export') {
      const data = await subjects.export(email);
      await store.audit.append({
        actor: 'cli',
        action: 'subject.export',
        target,
        details: { questions: data.questions.length, feedback: data.feedback.length },
      });
      out(`${JSON.stringify(data, null, 2)}\n`);
      return 0;
    }
    const account = await new AdminRepository(store.db).deleteUser(email);
    if (account === 'last_admin')
      throw new InputError(
        `${email} is the last admin: create another one first (\`polydesk admin create-user EMAIL --role admin\`), then run this again`,
      );
    const deleted = {
      ...(await subjects.delete(email)),
      ...(account === 'not_found' ? {} : { adminAccount: account }),
    };
    await store.audit.append({ actor: 'cli', action: 'subject.delete', target, details: { ...deleted } });
    out(`${JSON.stringify({ email, deleted })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
