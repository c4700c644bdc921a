import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { DEFAULT_POLICY, loadPolicy, parsePolicy, strongest } from '../../src/guardrails/policy.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-policy-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('guardrail policy', () => {
  it('holds every finding type by default and allows contacts found in visible sources', () => {
    expect(Object.values(DEFAULT_POLICY.actions).every((a) => a === 'hold')).toBe(true);
    expect(DEFAULT_POLICY.allowWhenInSources).toEqual(['email', 'phone']);
  });

  it('orders actions allow < redact < hold < block', () => {
    expect(strongest('allow', 'redact')).toBe('redact');
    expect(strongest('hold', 'redact')).toBe('hold');
    expect(strongest('hold', 'block')).toBe('block');
  });

  it('reads YAML and JSON files over the defaults', async () => {
    const yaml = await loadPolicy(
      write('p.yaml', 'actions:\n  email: redact\n  canary: block\nallowWhenInSources: []\n'),
    );
    expect(yaml.actions.email).toBe('redact');
    expect(yaml.actions.canary).toBe('block');
    expect(yaml.actions.secret).toBe('hold');
    expect(yaml.allowWhenInSources).toEqual([]);
    const json = await loadPolicy(write('p.json', '{"actions": {"phone": "allow"}}'));
    expect(json.actions.phone).toBe('allow');
    expect(json.allowWhenInSources).toEqual(['email', 'phone']);
  });

  it('names the bad key in its error', async () => {
    await expect(loadPolicy(write('bad1.yaml', 'actions:\n  emial: redact\n'))).rejects.toThrow(
      /actions\.emial: unknown key/,
    );
    await expect(loadPolicy(write('bad2.yaml', 'actions:\n  email: warn\n'))).rejects.toThrow(
      /actions\.email/,
    );
    await expect(loadPolicy(write('bad3.yaml', 'action:\n  email: hold\n'))).rejects.toThrow(
      /action: unknown key/,
    );
    expect(() => parsePolicy({ allowWhenInSources: ['fax'] })).toThrow(ConfigError);
    await expect(loadPolicy(path.join(dir, 'missing.yaml'))).rejects.toThrow(/cannot read/);
    await expect(loadPolicy(write('bad4.yaml', 'actions: [\n'))).rejects.toThrow(/not valid JSON or YAML/);
  });
});
