import { afterEach, describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../src/admin/login-limiter.js';
import { loadConfig } from '../../src/config.js';
import { type AdminServer, PASSWORD, USERS, startAdminServer } from './admin-harness.js';

let s: AdminServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

function attempt(email: string, password: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${s!.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

describe('sign-in limits', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is set: a spoofed header does not reset the count', async () => {
    s = await startAdminServer({ loginLimiter: new LoginLimiter({ max: 5, accountMax: 100 }) });
    for (let i = 1; i <= 5; i += 1)
      expect((await attempt(USERS.publisher, 'wrong password', `203.0.113.${i}`)).status).toBe(401);
    const blocked = await attempt(USERS.publisher, PASSWORD, '198.51.100.77');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one address across accounts', async () => {
    s = await startAdminServer({ loginLimiter: new LoginLimiter({ addressMax: 5, accountMax: 100 }) });
    for (let i = 1; i <= 5; i += 1)
      expect((await attempt(`guess${i}@corp.example`, 'wrong password')).status).toBe(401);
    expect((await attempt(USERS.reviewer, PASSWORD)).status).toBe(429);
  });

  it('limits one account across many addresses, behind a trusted proxy', async () => {
    s = await startAdminServer({ env: { TRUST_PROXY: 'loopback' }, loginLimiter: new LoginLimiter() });
    // The default: 10 failures per account in 15 minutes, from wherever they come.
    for (let i = 1; i <= 10; i += 1)
      expect((await attempt(USERS.reviewer, 'wrong password', `203.0.113.${i}`)).status).toBe(401);
    const blocked = await attempt(USERS.reviewer, PASSWORD, '198.51.100.1');
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/Too many failed attempts/);
    // The proxy's headers are believed: another account signs in from another client address, and
    // a session started over https at the proxy gets a Secure cookie.
    const other = await attempt(USERS.publisher, PASSWORD, '198.51.100.2');
    expect(other.status).toBe(303);
    expect(other.headers.get('set-cookie')).not.toMatch(/Secure/);
    const tls = await fetch(`${s.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ email: USERS.publisher, password: PASSWORD }).toString(),
    });
    expect(tls.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('validates TRUST_PROXY: a hop count or proxy addresses, never "trust everyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'fd00::/8' }).trustProxy).toEqual(['fd00::/8']);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.internal', '11'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: .*set TRUST_PROXY to the number/);
  });
});
