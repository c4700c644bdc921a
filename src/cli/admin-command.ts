import { InputError } from '../core/errors.js';
import { hashPassword, hashSecret, newSecret } from '../admin/passwords.js';
import type { Runtime } from '../runtime.js';
import { ADMIN_ROLES, type AdminRole, AdminRepository } from '../store/admin-repository.js';
import { parseCommand } from './args.js';

const USAGE =
  'polydesk admin create-user EMAIL --role admin|reviewer|publisher [--password-stdin]\n       polydesk admin token EMAIL';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function email(raw: string | undefined): string {
  const value = raw?.trim().toLowerCase();
  if (!value || !EMAIL.test(value)) throw new InputError(`give the user's e-mail address\nusage: ${USAGE}`);
  return value;
}

/**
 * `polydesk admin create-user EMAIL --role R [--password-stdin]` creates a user (or changes an
 * existing one's role and password); `polydesk admin token EMAIL` prints a new API token for
 * `Authorization: Bearer` on stdout. Only the token's hash is stored.
 */
export async function adminCommand(
  runtime: Pick<Runtime, 'store'>,
  args: readonly string[],
  io: { readStdin: () => Promise<string>; out: (text: string) => void; err: (text: string) => void } = {
    readStdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
): Promise<number> {
  const [sub, ...rest] = args;
  const admins = new AdminRepository(runtime.store.db);
  if (sub === 'create-user') {
    const { values, positionals } = parseCommand(
      rest,
      { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      USAGE,
    );
    const user = email(positionals[0]);
    const role = values['role'];
    if (typeof role !== 'string' || !(ADMIN_ROLES as readonly string[]).includes(role)) {
      throw new InputError(`--role must be one of ${ADMIN_ROLES.join(', ')}\nusage: ${USAGE}`);
    }
    let passwordHash: string | undefined;
    if (values['password-stdin']) {
      const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
      passwordHash = await hashPassword(password);
    }
    const result = await admins.upsertUser({ email: user, role: role as AdminRole, passwordHash });
    await runtime.store.audit.append({
      actor: 'cli',
      action: result === 'created' ? 'user.create' : 'user.update',
      target: user,
      details: { role, password: passwordHash !== undefined },
    });
    io.err(
      `${result === 'created' ? 'created' : 'updated'} ${user} (${role})${passwordHash ? '' : ', no password: sign in with an API token (`polydesk admin token EMAIL`) or set one with --password-stdin'}\n`,
    );
    return 0;
  }
  if (sub === 'token') {
    const { positionals } = parseCommand(rest, {}, USAGE);
    const user = email(positionals[0]);
    if (!(await admins.getUser(user)))
      throw new InputError(`no admin user ${user}; create it first with \`polydesk admin create-user\``);
    const token = `pdk_${newSecret()}`;
    await admins.addToken(hashSecret(token), user);
    await runtime.store.audit.append({ actor: 'cli', action: 'token.create', target: user });
    io.out(`${token}\n`);
    return 0;
  }
  throw new InputError(`unknown admin command${sub ? ` "${sub}"` : ''}\nusage: ${USAGE}`);
}
