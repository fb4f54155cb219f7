import { DatabaseUnavailableError, type Database } from './database.ts';

interface Waiting<In, Out> {
  input: In;
  done: (output: Out) => void;
  failed: (error: Error) => void;
}

interface Queue<In, Out> {
  waiting: Array<Waiting<In, Out>>;
  running: boolean;
}

export interface TogetherOptions<In, Out> {
  /** Answers every input, in order: its output, or the Error that kept that one from being done. */
  run: (db: Database, inputs: In[]) => Promise<Array<Out | Error>>;
  /** The most weight one run may take; a run always takes at least one input. */
  most: number;
  /** How much of a run one input takes: 1 unless said. */
  weight?: (input: In) => number;
}

/**
 * Work for many requests done together: whatever arrives while a run is under way goes into the next,
 * so a busy server does one statement for many people rather than one each, and when nothing is running
 * nothing waits. Each caller gets its own output, or its own failure.
 */
export function together<In, Out>(
  options: TogetherOptions<In, Out>,
): (db: Database, input: In) => Promise<Out> {
  const queues = new WeakMap<Database, Queue<In, Out>>();
  const weight = options.weight ?? (() => 1);

  function takeFront(waiting: Array<Waiting<In, Out>>): Array<Waiting<In, Out>> {
    let taken = weight(waiting[0]!.input);
    let count = 1;
    while (count < waiting.length && taken + weight(waiting[count]!.input) <= options.most)
      taken += weight(waiting[count++]!.input);
    return waiting.splice(0, count);
  }

  async function drain(db: Database, queue: Queue<In, Out>): Promise<void> {
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        const taken = takeFront(queue.waiting);
        try {
          const outputs = await options.run(
            db,
            taken.map((w) => w.input),
          );
          taken.forEach((w, i) => {
            const output = outputs[i]!;
            if (output instanceof Error) w.failed(output);
            else w.done(output);
          });
        } catch (error) {
          // With the database gone, those still waiting would only wait out the same deadline.
          const alsoWaiting = error instanceof DatabaseUnavailableError ? queue.waiting.splice(0) : [];
          for (const w of [...taken, ...alsoWaiting]) w.failed(error as Error);
        }
      }
    } finally {
      queue.running = false;
    }
  }

  return (db, input) => {
    let queue = queues.get(db);
    if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
    const waiting = queue.waiting;
    const result = new Promise<Out>((done, failed) => waiting.push({ input, done, failed }));
    if (!queue.running) void drain(db, queue);
    return result;
  };
}
