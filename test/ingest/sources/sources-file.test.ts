import { describe, expect, it } from 'vitest';
import { parseSources } from '../../../ingest/sources/sources-file.js';

const env = (values: Record<string, string>) => (name: string) => values[name];
const problems = (text: string, values: Record<string, string> = {}) => {
  try {
    parseSources(text, '/etc/polydesk/sources.yaml', env(values));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('SOURCES_FILE', () => {
  it('reads a list or {sources: [...]}, in YAML or JSON, with defaults', () => {
    const yaml = parseSources('- {name: hr, type: folder, path: ./hr}', '/etc/polydesk/s.yaml', env({}));
    const json = parseSources(
      JSON.stringify({
        sources: [{ name: 'hr', type: 'folder', path: '/srv/hr', every: '30s', poll: true }],
      }),
      '/etc/polydesk/s.json',
      env({}),
    );
    expect(yaml[0]).toMatchObject({
      name: 'hr',
      audience: ['all'],
      classification: 'internal',
      every: '15m',
      everyMs: 900_000,
      baseDir: '/etc/polydesk',
      settings: { path: './hr', poll: false, debounce: 2_000 },
    });
    expect(json[0]).toMatchObject({ everyMs: 30_000, settings: { path: '/srv/hr', poll: true } });
  });

  it('reports every problem with the source, the field and the fix', () => {
    const message = problems(
      [
        '- {name: hr, type: folder, path: ./hr, every: 5s}',
        '- {name: hr, type: folder, path: ./x, classification: secret}',
        '- {name: wiki, type: notion}',
        '- {name: docs, type: folder, path: ./d, recursve: true}',
        '- {name: "bad name!", type: folder, path: ./d}',
      ].join('\n'),
    );
    expect(message).toContain('source "hr" (sources[0]): every: must be a duration from 30s to 30d');
    expect(message).toContain('source "hr" (sources[1]): name: another source has this name');
    expect(message).toContain('classification: must be one of public, internal, confidential, restricted');
    expect(message).toContain('source "wiki" (sources[2]): type: must be one of folder');
    expect(message).toContain('source "docs" (sources[3]): (the entry): unknown field "recursve"');
    expect(message).toContain('sources[4]: name: must be 1 to 64 letters');
    expect(problems('{')).toMatch(/not valid YAML or JSON \(line 1/);
    expect(problems('just: text')).toMatch(/must hold a list of sources/);
  });

  it('takes credentials only as environment variable names, and never shows their values', () => {
    const literal = problems('- {name: sp, type: folder, path: ., apiToken: abc123secret}');
    expect(literal).toContain('apiToken: credentials are never written in the sources file');
    expect(literal).toContain('"apiTokenEnv"');
    expect(literal).not.toContain('abc123secret');
    const unset = problems('- {name: sp, type: folder, path: ., tokenEnv: SP_TOKEN}');
    expect(unset).toContain('tokenEnv: names SP_TOKEN, which is not set: set SP_TOKEN');
    // With the variable set, the value reaches the connector through `env` and nowhere else; the
    // folder type has no such field, so its schema still refuses it.
    const unknownField = problems('- {name: sp, type: folder, path: ., tokenEnv: SP_TOKEN}', {
      SP_TOKEN: 'x',
    });
    expect(unknownField).toContain('unknown field "tokenEnv"');
    expect(unknownField).not.toContain('which is not set');
  });
  it('takes group names that contain credential words as names, not as credentials', () => {
    const [wiki] = parseSources(
      [
        '- name: wiki',
        '  type: confluence',
        '  baseUrl: https://wiki.example.com',
        '  deployment: datacenter',
        '  tokenEnv: WIKI_TOKEN',
        '  spaces: [IT]',
        '  groups: {api-token-admins: it-admins, secret-santa: all-staff}',
      ].join('\n'),
      '/etc/polydesk/sources.yaml',
      env({ WIKI_TOKEN: 'x' }),
    );
    const settings = wiki?.settings as { groups?: Record<string, string> } | undefined;
    expect(settings?.groups).toEqual({
      'api-token-admins': 'it-admins',
      'secret-santa': 'all-staff',
    });
  });
});
