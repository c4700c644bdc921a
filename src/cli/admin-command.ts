import { randomBytes } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { hashPassword, hashSecret, newSecret } from '../admin/passwords.js';
import type { Runtime } from '../runtime.js';
import { ADMIN_ROLES, type AdminRole, AdminRepository } from '../store/admin-repository.js';
import { parseCommand } from './args.js';

const USAGE = [
  'polydesk admin create-user EMAIL --role admin|reviewer|publisher [--password-stdin]',
  '       polydesk admin delete-user EMAIL',
  '       polydesk admin token EMAIL [--expires-in 90d|12h]',
  '       polydesk admin tokens [EMAIL] [--json]',
  '       polydesk admin revoke-token TOKEN-ID|TOKEN | --all EMAIL',
].join('\n');

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

/** `--expires-in`: whole days (`90d`) or hours (`12h`), from one hour to ten years. */
export function parseExpiresIn(raw: string): number {
  const match = /^(\d+)\s*([dh])$/i.exec(raw.trim());
  const hours = match ? Number(match[1]) * (match[2]!.toLowerCase() === 'd' ? 24 : 1) : Number.NaN;
  if (!(hours >= 1 && hours <= 3650 * 24))
    throw new InputError(`--expires-in must be days or hours, e.g. 90d or 12h (1h to 3650d), not "${raw}"`);
  return hours * 3_600_000;
}

/**
 * The admin users and their API tokens. `create-user` creates a user or changes an existing one's
 * role and password (a new password ends their sessions); `delete-user` removes a user with their
 * sessions and tokens; `token` prints a new API token for `Authorization: Bearer` on stdout (only
 * its hash is stored) that expires after ADMIN_TOKEN_TTL_DAYS or `--expires-in`; `tokens` lists
 * tokens by id; `revoke-token` deletes one token (by id, or the token itself) or all of a user's.
 * Every change is in the audit log.
 */
export async function adminCommand(
  runtime: Pick<Runtime, 'store' | 'config'>,
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
      details: {
        role,
        password: passwordHash !== undefined,
        ...(result === 'updated' && passwordHash ? { sessionsEnded: true } : {}),
      },
    });
    io.err(
      `${result === 'created' ? 'created' : 'updated'} ${user} (${role})${passwordHash ? '' : ', no password: sign in with an API token (`polydesk admin token EMAIL`) or set one with --password-stdin'}\n`,
    );
    return 0;
  }
  if (sub === 'delete-user') {
    const { positionals } = parseCommand(rest, {}, USAGE);
    const user = email(positionals[0]);
    const deleted = await admins.deleteUser(user);
    if (deleted === 'not_found') throw new InputError(`no admin user ${user}`);
    if (deleted === 'last_admin')
      throw new InputError(
        `${user} is the last admin: create another one first (\`polydesk admin create-user EMAIL --role admin\`)`,
      );
    await runtime.store.audit.append({ actor: 'cli', action: 'user.delete', target: user, details: deleted });
    io.err(`deleted ${user}: ${deleted.sessions} session(s) ended, ${deleted.tokens} API token(s) revoked\n`);
    return 0;
  }
  if (sub === 'token') {
    const { values, positionals } = parseCommand(rest, { 'expires-in': { type: 'string' } }, USAGE);
    const user = email(positionals[0]);
    const raw = values['expires-in'];
    const lifetimeMs =
      typeof raw === 'string' ? parseExpiresIn(raw) : runtime.config.adminTokenTtlDays * 86_400_000;
    if (!(await admins.getUser(user)))
      throw new InputError(`no admin user ${user}; create it first with \`polydesk admin create-user\``);
    const token = `pdk_${newSecret()}`;
    // Hex: an id is typed on the command line, where one starting with '-' would read as an option.
    const id = randomBytes(9).toString('hex');
    const expiresAt = new Date(Date.now() + lifetimeMs);
    await admins.addToken({ tokenHash: hashSecret(token), id, email: user, expiresAt });
    await runtime.store.audit.append({
      actor: 'cli',
      action: 'token.create',
      target: user,
      details: { id, expiresAt: expiresAt.toISOString() },
    });
    io.out(`${token}\n`);
    io.err(
      `token ${id} for ${user}, expires ${expiresAt.toISOString()}; revoke it with \`polydesk admin revoke-token ${id}\`\n`,
    );
    return 0;
  }
  if (sub === 'tokens') {
    const { values, positionals } = parseCommand(rest, { json: { type: 'boolean' } }, USAGE);
    const tokens = await admins.listTokens(positionals[0] ? email(positionals[0]) : undefined);
    if (values['json']) io.out(`${JSON.stringify({ tokens })}\n`);
    else
      for (const t of tokens)
        io.out(
          `${t.id}\t${t.email}\tcreated ${t.createdAt}\texpires ${t.expiresAt ?? 'unknown (refused)'}\n`,
        );
    return 0;
  }
  if (sub === 'revoke-token') {
    const { values, positionals } = parseCommand(rest, { all: { type: 'string' } }, USAGE);
    if (typeof values['all'] === 'string') {
      if (positionals.length > 0)
        throw new InputError(`give a token id or --all EMAIL, not both\nusage: ${USAGE}`);
      const user = email(values['all']);
      const count = await admins.revokeAllTokens(user);
      await runtime.store.audit.append({
        actor: 'cli',
        action: 'token.revoke',
        target: user,
        details: { all: true, count },
      });
      io.err(`revoked ${count} API token(s) of ${user}\n`);
      return 0;
    }
    const given = positionals[0]?.trim();
    if (!given || positionals.length > 1) throw new InputError(`give one token id\nusage: ${USAGE}`);
    // The token itself (pdk_...) also names it: whoever holds a leaked token can revoke it at once.
    const id = given.startsWith('pdk_') ? await admins.tokenIdOf(hashSecret(given)) : given;
    const owner = id ? await admins.revokeToken(id) : undefined;
    if (!owner || !id)
      throw new InputError(`no API token ${given}; list them with \`polydesk admin tokens\``);
    await runtime.store.audit.append({
      actor: 'cli',
      action: 'token.revoke',
      target: owner,
      details: { id },
    });
    io.err(`revoked API token ${id} of ${owner}\n`);
    return 0;
  }
  throw new InputError(`unknown admin command${sub ? ` "${sub}"` : ''}\nusage: ${USAGE}`);
}
