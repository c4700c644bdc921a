import { ConfigError, InputError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { AdminRepository } from '../store/admin-repository.js';
import type { Store } from '../store/store.js';
import { hashPassword } from './passwords.js';

export const FIRST_ADMIN_EMAIL = 'admin@localhost';

/**
 * At start: when no user with the role `admin` exists and `ADMIN_PASSWORD` is set, creates
 * `admin@localhost` with that password. Returns true when it created the user. A password shorter
 * than 8 characters is a ConfigError naming ADMIN_PASSWORD.
 */
export async function ensureFirstAdmin(
  store: Pick<Store, 'db' | 'audit'>,
  password: string | undefined,
  logger?: Logger,
): Promise<boolean> {
  const admins = new AdminRepository(store.db);
  if ((await admins.countUsers('admin')) > 0) return false;
  if (!password) {
    logger?.('warn', 'admin.no_admin', {
      hint: 'set ADMIN_PASSWORD, or run `polydesk admin create-user EMAIL --role admin --password-stdin`',
    });
    return false;
  }
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof InputError) throw new ConfigError(`ADMIN_PASSWORD: ${error.message}`);
    throw error;
  }
  await admins.upsertUser({ email: FIRST_ADMIN_EMAIL, role: 'admin', passwordHash });
  await store.audit.append({
    actor: 'system',
    action: 'user.create',
    target: FIRST_ADMIN_EMAIL,
    details: { role: 'admin', from: 'ADMIN_PASSWORD' },
  });
  logger?.('info', 'admin.first_admin_created', { email: FIRST_ADMIN_EMAIL });
  return true;
}
