/**
 * The build worker: runs `payloadFor` off the main thread, one request at a
 * time, and hands the payload's bytes back without copying them; a reload
 * from the build it keeps (`incremental.ts`) hands back only the change.
 */
import { parentPort } from 'node:worker_threads';
import { payloadFor } from './build.js';
import { keepBuild, reloadFrom } from './incremental.js';
import type { BuildRequest, BuildResponse } from './thread.js';

const port = parentPort;
if (!port) throw new Error('engine: worker.ts runs as a worker thread, not on its own');

let queue: Promise<void> = Promise.resolve();

port.on('message', (request: BuildRequest) => {
  queue = queue.then(async () => {
    let response: BuildResponse;
    let transfer: ArrayBuffer[] = [];
    let persist: (() => Promise<void>) | undefined;
    try {
      const changed = request.base === undefined ? null : await reloadFrom(request.base, request.options, request.known);
      if (changed) {
        const { delta, generation, cache } = changed;
        response = { id: request.id, ok: true, delta, generation, ...(cache ? { cache } : {}) };
        persist = changed.persist;
      } else {
        const { body, cache, analysed } = await payloadFor(request.options, request.known);
        const generation = analysed ? keepBuild(request.options, analysed) : undefined;
        const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer;
        transfer = [bytes];
        response = { id: request.id, ok: true, body: bytes, ...(cache ? { cache } : {}), ...(generation !== undefined ? { generation } : {}) };
      }
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      response = { id: request.id, ok: false, name, message };
    }
    port.postMessage(response, transfer);
    // The cache file of a reload is written once the main thread has the change (it never throws).
    await persist?.();
  });
});
