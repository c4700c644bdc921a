import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** One request of a burst: its body and headers. */
export interface BurstPost {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** When a request left (absolute ms since the epoch) and how long its response took (ms). */
export interface BurstResult {
  readonly status: number;
  readonly sentAt: number;
  readonly ack: number;
}

// Runs in a worker thread, so sending the burst does not compete with the server's event loop.
const SENDER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, posts, connections } = workerData;
const results = new Array(posts.length);
let next = 0;
async function lane() {
  for (let i = next++; i < posts.length; i = next++) {
    const sentAt = performance.timeOrigin + performance.now();
    const response = await fetch(url, { method: 'POST', headers: posts[i].headers, body: posts[i].body });
    await response.arrayBuffer();
    results[i] = { status: response.status, sentAt, ack: performance.timeOrigin + performance.now() - sentAt };
  }
}
Promise.all(Array.from({ length: connections }, lane)).then(() => parentPort.postMessage(results));
`;

/** POSTs every request from a worker thread on `connections` parallel lanes; fails on any non-200. */
export async function postBurst(
  url: string,
  posts: readonly BurstPost[],
  connections: number,
): Promise<BurstResult[]> {
  const worker = new Worker(SENDER, { eval: true, workerData: { url, posts, connections } });
  try {
    const [results] = (await once(worker, 'message')) as [BurstResult[]];
    const failed = results.find((r) => r.status !== 200);
    if (failed) throw new Error(`${url} answered ${failed.status}`);
    return results;
  } finally {
    await worker.terminate();
  }
}
