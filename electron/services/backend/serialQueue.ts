/**
 * Runs work one piece at a time, in arrival order: the writer's calls and reminder ticks share one connection,
 * and a write that arrives during an import waits for it instead of running inside its transaction.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(work).finally(() => {
      this.#pending--;
    });
    // The next piece waits for this one to settle, whether it succeeded or not.
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Work queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Resolves once everything queued so far has finished. */
  drained(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
