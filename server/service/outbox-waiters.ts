/** Long-polling readers of the outbox, woken when a batch appends decisions or the server stops. */
export class OutboxWaiters {
  private readonly waiting = new Set<() => void>();

  /** Resolves after `ms`, or earlier when woken. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }

  wakeAll(): void {
    for (const done of [...this.waiting]) done();
  }

  get size(): number {
    return this.waiting.size;
  }
}
