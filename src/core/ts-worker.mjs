// Entry of every PolyDesk worker thread (see worker-supervisor.ts). Plain JavaScript, so that a
// thread starts however the process was started: from the build in dist/ (the worker's module is
// JavaScript, imported as it is), or from the TypeScript sources — under `bin/polydesk.mjs`, whose
// tsx loader is registered in the main thread only, under `node --import tsx` (Node 20 does not
// carry that loader into threads) and under vitest — where it registers tsx in this thread first.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
