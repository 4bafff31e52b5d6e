/**
 * The build worker: runs `payloadFor` off the main thread, one request at a
 * time, and hands the payload's bytes back without copying them.
 */
import { parentPort } from 'node:worker_threads';
import { payloadFor } from './build.js';
import type { BuildRequest, BuildResponse } from './thread.js';

const port = parentPort;
if (!port) throw new Error('engine: worker.ts runs as a worker thread, not on its own');

let queue: Promise<void> = Promise.resolve();

port.on('message', (request: BuildRequest) => {
  queue = queue.then(async () => {
    let response: BuildResponse;
    let transfer: ArrayBuffer[] = [];
    try {
      const { body, cache } = await payloadFor(request.options, request.known);
      const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer;
      transfer = [bytes];
      response = { id: request.id, ok: true, body: bytes, ...(cache ? { cache } : {}) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      response = { id: request.id, ok: false, name, message };
    }
    port.postMessage(response, transfer);
  });
});
