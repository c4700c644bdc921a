import { Worker } from 'node:worker_threads';

/**
 * Calls `exportName` of the module at `module` in a worker thread (started like PolyDesk's own
 * workers, through src/core/ts-worker.mjs) and returns its result: for tests of the parts that
 * refuse to run on the main thread, such as a raw decoder session.
 */
export function runInWorker<T>(module: URL, exportName: string, ...args: unknown[]): Promise<T> {
  const worker = new Worker(new URL('../../src/core/ts-worker.mjs', import.meta.url), {
    workerData: {
      entry: new URL('./in-worker-runner.ts', import.meta.url).href,
      module: module.href,
      exportName,
      args,
    },
  });
  return new Promise<T>((resolve, reject) => {
    worker.once(
      'message',
      (message: { ok: true; value: T } | { ok: false; name: string; message: string }) => {
        if (message.ok) resolve(message.value);
        else reject(Object.assign(new Error(message.message), { name: message.name }));
        void worker.terminate();
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker exited with code ${code}`)));
  });
}
