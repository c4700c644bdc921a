/** The encoder's thread: opens the model (encoder-session.ts) and embeds the batches it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { type StartMessage, toWire, yieldToMainThread } from '../core/worker-protocol.js';
import type { EmbedReply, EncoderRequest } from './encoder-protocol.js';
import { type EncoderInfo, type EncoderOptions, openEncoder } from './encoder-session.js';

const port = parentPort!;
try {
  yieldToMainThread();
  const encoder = await openEncoder((workerData as { options: EncoderOptions }).options);
  port.postMessage({ type: 'ready', info: encoder.info } satisfies StartMessage<EncoderInfo>);
  let work = Promise.resolve();
  port.on('message', (request: EncoderRequest) => {
    if (request.type === 'close') {
      work = work.then(async () => {
        await encoder.close();
        process.exit(0);
      });
      return;
    }
    work = work.then(async () => {
      let reply: EmbedReply;
      try {
        reply = {
          type: 'done',
          id: request.id,
          vectors: await encoder.embedBatch(request.texts, request.kind),
        };
      } catch (error) {
        reply = { type: 'error', id: request.id, error: toWire(error) };
      }
      port.postMessage(reply);
    });
  });
} catch (error) {
  port.postMessage({ type: 'load-error', error: toWire(error) } satisfies StartMessage<EncoderInfo>);
}
