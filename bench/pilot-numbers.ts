/**
 * How long the pilot numbers take over 100,000 questions in 12 weeks (the synthetic pilot of the
 * tests: ratings, hand-offs, standard-answer uses, 400 askers in 3 groups, 8 languages).
 *
 *   node --no-regexp-tier-up --import tsx bench/pilot-numbers.ts            # SQLite in a temp dir
 *   DATABASE_URL=postgres://... node --no-regexp-tier-up --import tsx bench/pilot-numbers.ts
 *
 * The PostgreSQL database must be empty (a fresh database or schema): the questions are added to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computePilotNumbers } from '../src/admin/pilot-numbers.js';
import { pilotRange } from '../src/admin/pilot-range.js';
import { pilotCsv } from '../src/admin/pilot-csv.js';
import { StaticDirectory } from '../src/directory.js';
import { Store } from '../src/store/store.js';
import { seedSyntheticPilot } from '../test/admin/pilot-seed.js';

const QUESTIONS = Number(process.env['PILOT_QUESTIONS'] ?? 100_000);
const RUNS = 5;
const FROM = '2025-01-06';
const WEEKS = 12;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-pilot-'));
const store = await Store.open({ dataDir, databaseUrl: process.env['DATABASE_URL'] });
try {
  let started = performance.now();
  const groups = await seedSyntheticPilot(store.db, { questions: QUESTIONS, from: FROM, weeks: WEEKS });
  process.stderr.write(
    `[pilot] seeded ${QUESTIONS} questions in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const directory = new StaticDirectory(groups);
  const range = pilotRange({ from: FROM, to: '2025-03-30' }, new Date());
  const times: number[] = [];
  let csvMs = 0;
  let rows = 0;
  let read = 0;
  for (let i = 0; i < RUNS + 1; i += 1) {
    started = performance.now();
    const report = await computePilotNumbers({ db: store.db, directory }, range);
    const took = performance.now() - started;
    if (i > 0) times.push(took); // the first run warms caches and the JIT
    started = performance.now();
    const csv = pilotCsv(report);
    csvMs = performance.now() - started;
    rows = csv.split('\r\n').length - 2;
    read = report.rowsRead;
  }
  times.sort((a, b) => a - b);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  process.stdout.write(
    `${store.dialect}: ${QUESTIONS} questions, ${WEEKS} weeks: pilot numbers median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms ` +
      `(min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}; ${read} rows read), CSV ${rows} rows in ${csvMs.toFixed(0)} ms; ` +
      `${os.cpus().length} CPUs, load ${load}\n`,
  );
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
