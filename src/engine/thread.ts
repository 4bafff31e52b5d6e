/**
 * The main thread's side of the build worker: one worker per process, started
 * on the first build and kept (its loaded NLP model makes the next reload
 * cheaper), holding the process open only while a build is in flight. A
 * crashed worker fails the builds in flight and is replaced on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { BuildOptions, CacheKnowledge, CacheReport } from './build.js';
import type { BuildDelta } from './incremental.js';

export interface BuildRequest {
  id: number;
  options: BuildOptions;
  known: CacheKnowledge;
  /** The generation of the build being served, which the worker may still keep: a reload from it (`incremental.ts`). */
  base?: number;
}

/**
 * What the worker made: a whole build's payload as JSON bytes, or the change to the build named as the
 * request's base. `generation` is set when the worker keeps the new build to reload from.
 */
export type BuildResult =
  | { body: Buffer; delta?: undefined; cache?: CacheReport; generation?: number }
  | { delta: BuildDelta; body?: undefined; cache?: CacheReport; generation: number };

export type BuildResponse =
  | { id: number; ok: true; body?: ArrayBuffer; delta?: BuildDelta; cache?: CacheReport; generation?: number }
  | { id: number; ok: false; name: string; message: string };

/** An error raised in the worker, with its name and message kept. */
export class BuildFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Starts the worker whose entry is `name` in this folder. Under tsx
 * (development, tests) the worker is TypeScript: node's own loader cannot run
 * it and a worker does not inherit tsx's hooks, so it is started through tsx's
 * API. The compiled build runs `<name>.js` directly.
 */
export function startWorker(name: string): Worker {
  const entry = new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true });
}

class BuildThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: BuildResult) => void; reject: (e: Error) => void }>();

  run(options: BuildOptions, known: CacheKnowledge, base?: number): Promise<BuildResult> {
    const worker = this.spawn();
    const id = this.nextId++;
    const request: BuildRequest = { id, options: { ...options }, known, ...(base !== undefined ? { base } : {}) };
    return new Promise<BuildResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('worker');
    worker.on('message', (response: BuildResponse) => {
      const waiting = this.pending.get(response.id);
      this.settled(response.id);
      if (!waiting) return;
      if (!response.ok) return waiting.reject(new BuildFailure(response.name, response.message));
      const { cache, generation, delta, body } = response;
      const extra = { ...(cache ? { cache } : {}) };
      if (delta && generation !== undefined) waiting.resolve({ delta, generation, ...extra });
      else if (body) waiting.resolve({ body: Buffer.from(body), ...extra, ...(generation !== undefined ? { generation } : {}) });
      else waiting.reject(new BuildFailure('EngineError', 'engine: the build worker answered with no build'));
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const w of waiting) w.reject(new BuildFailure('EngineError', `engine: the build worker failed (${error.message})`));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }
}

const thread = new BuildThread();

/** The build for these options, made in the build worker: as a change to the build numbered `base` when the worker still keeps it. */
export function buildInWorker(options: BuildOptions, known: CacheKnowledge, base?: number): Promise<BuildResult> {
  return thread.run(options, known, base);
}
