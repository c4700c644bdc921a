/**
 * `polydesk serve` on a port it cannot open says which address, why, and what to do — not a bare
 * EADDRINUSE stack (issue 14, item 6). Real ports: one held by another server, and a low port opened
 * by a user without the privilege (as root, the test runs serve as `nobody`).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, type CliResult, runCli } from '../helpers/cli.js';

/** `nobody` on Debian: a user that may not open ports below 1024. */
const NOBODY = 65534;

/**
 * Why port 81 needs no privilege on this host, or undefined when it does. Containers (Docker sets
 * net.ipv4.ip_unprivileged_port_start=0) let anyone open it, and serve would start.
 */
function lowPortNeedsNoPrivilege(): string | undefined {
  const file = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
  let start: number;
  try {
    start = Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch {
    return `${file} is unreadable: cannot tell whether port 81 needs privilege here`;
  }
  if (Number.isNaN(start)) return `${file} holds no number: cannot tell whether port 81 needs privilege here`;
  return start <= 81 ? `${file} is ${start}: any user may open port 81 here` : undefined;
}
const LOW_PORT_SKIP = lowPortNeedsNoPrivilege();

function serveAs(uid: number, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: '/tmp', POLYDESK_SAMPLES: '0', ...env },
      uid,
      gid: NOBODY,
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: '', stderr });
    });
  });
}

describe('polydesk serve on a port it cannot open', () => {
  let dataDir: string;
  let occupier: Server;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-listen-'));
    // `nobody` must be able to create the database in it.
    chmodSync(dataDir, 0o777);
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    port = (occupier.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => occupier.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the port in use and suggests another PolyDesk or a free PORT', async () => {
    const result = await runCli(['serve'], {
      env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `cannot listen on 127.0.0.1:${port}: the port is already in use (EADDRINUSE)`,
    );
    expect(result.stderr).toMatch(
      /Is another PolyDesk running\? Stop it, or set PORT to a free port \(e\.g\. PORT=3000\)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('explains a low port without the privilege to open it', async ({ skip }) => {
    if (LOW_PORT_SKIP !== undefined) skip(LOW_PORT_SKIP);
    // A database of its own: the one the other tests made belongs to this user, not to `nobody`.
    const env = { DATA_DIR: path.join(dataDir, 'low-port'), PORT: '81', HOST: '127.0.0.1' };
    const root = process.getuid?.() === 0;
    const result = root ? await serveAs(NOBODY, env) : await runCli(['serve'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot listen on 127.0.0.1:81: permission denied (EACCES)');
    expect(result.stderr).toMatch(/need root or CAP_NET_BIND_SERVICE: set PORT=3000/);
  }, 90_000);

  it('says when HOST is not an address of this machine', async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it.
    const result = await runCli(['serve'], { env: { DATA_DIR: dataDir, PORT: '0', HOST: '192.0.2.1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine/,
    );
  }, 90_000);
});
