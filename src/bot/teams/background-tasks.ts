/** Work that continues after the HTTP request that started it was answered; shutdown waits for it. */
export class BackgroundTasks {
  private readonly tasks = new Set<Promise<void>>();

  get size(): number {
    return this.tasks.size;
  }

  /** Starts `task`; a failure goes to `onError`, never to an unhandled rejection. */
  run(task: () => Promise<void>, onError: (error: unknown) => void): void {
    const promise = task()
      .catch(onError)
      .finally(() => this.tasks.delete(promise));
    this.tasks.add(promise);
  }

  /** Resolves true once no task is running, false if `timeoutMs` passed first. */
  async idle(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([Promise.allSettled([...this.tasks]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}
