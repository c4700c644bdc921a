// Entry of every PolyDesk worker thread (see worker-supervisor.ts). Plain JavaScript, so that a
// thread starts however the process was started: under `bin/polydesk.mjs`, whose tsx loader is
// registered in the main thread only, under `node --import tsx` (Node 20 does not carry that
// loader into threads), and under vitest. It registers tsx here, then imports the worker's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
