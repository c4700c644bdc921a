import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Directory } from './answer/ports.js';
import { ConfigError } from './core/errors.js';
import type { Principal } from './core/types.js';
import { EVERYONE } from './core/access.js';

const fileSchema = z.object({
  groups: z.record(z.string().min(1), z.array(z.string().min(1))),
});

/** Users' groups from DIRECTORY_FILE (`{"groups": {"hr": ["alice@example.com"]}}`, JSON or YAML). */
export class StaticDirectory implements Directory {
  private readonly groupsByEmail = new Map<string, string[]>();

  constructor(groups: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [group, members] of Object.entries(groups)) {
      for (const member of members) {
        const email = member.trim().toLowerCase();
        const list = this.groupsByEmail.get(email) ?? [];
        list.push(group);
        this.groupsByEmail.set(email, list);
      }
    }
  }

  static fromFile(file: string): StaticDirectory {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`DIRECTORY_FILE ${file} cannot be read; point it at a JSON or YAML file`, {
        cause: error,
      });
    }
    let data: unknown;
    try {
      data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        `DIRECTORY_FILE ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}`,
        {
          cause: error,
        },
      );
    }
    const parsed = fileSchema.safeParse(data);
    if (!parsed.success)
      throw new ConfigError(
        `DIRECTORY_FILE ${file} must look like {"groups": {"hr": ["alice@example.com"]}}: ${parsed.error.issues[0]?.message}`,
      );
    return new StaticDirectory(parsed.data.groups);
  }

  resolve(email: string, locale?: string): Principal {
    const normalized = email.trim().toLowerCase();
    const groups = [EVERYONE, ...(this.groupsByEmail.get(normalized) ?? [])];
    return locale ? { email: normalized, groups, locale } : { email: normalized, groups };
  }
}

/** YAML is loaded only for a YAML directory file (most start-ups read JSON or none). */
function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}
