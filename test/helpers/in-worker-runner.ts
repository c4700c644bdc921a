// The worker side of in-worker.ts: imports the module, calls the function, posts what it returned.
import { parentPort, workerData } from 'node:worker_threads';

const { module, exportName, args } = workerData as { module: string; exportName: string; args: unknown[] };
try {
  const target = (await import(module)) as Record<string, (...a: unknown[]) => unknown>;
  const value = await target[exportName]!(...args);
  parentPort!.postMessage({ ok: true, value });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  parentPort!.postMessage({ ok: false, name: e.name, message: e.message });
}
