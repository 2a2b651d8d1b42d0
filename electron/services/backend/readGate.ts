/**
 * Lets reads run side by side, and lets a restore close the reader under none of them: `pause` waits for the reads
 * in flight and holds new ones until `resume`.
 */
export class ReadGate {
  #inFlight = 0;
  #paused: Promise<void> | null = null;
  #resume: (() => void) | null = null;
  #idle: (() => void) | null = null;

  async run<T>(read: () => Promise<T>): Promise<T> {
    while (this.#paused) await this.#paused;
    this.#inFlight++;
    try {
      return await read();
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) this.#idle?.();
    }
  }

  async pause(): Promise<void> {
    while (this.#paused) await this.#paused;
    this.#paused = new Promise((resolve) => {
      this.#resume = resolve;
    });
    if (this.#inFlight > 0) {
      await new Promise<void>((resolve) => {
        this.#idle = resolve;
      });
      this.#idle = null;
    }
  }

  resume(): void {
    const resume = this.#resume;
    this.#paused = null;
    this.#resume = null;
    resume?.();
  }
}
