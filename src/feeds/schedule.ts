// Fetching politely: at most N feeds at once, and never two from the same host at the same time.

export interface ScheduledTask<T> {
  /** Tasks of one key never run at the same time: the host (name and port) a feed lives on. */
  key: string;
  run: () => Promise<T>;
}

/** The host an address is on, as scheduling keys it: its name and port. */
export function hostKey(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/**
 * Runs every task, at most `jobs` at a time and one per key at a time, starting each as soon as it
 * may, in the order given otherwise. Resolves with their results in that order once all have ended;
 * a task that throws rejects the whole, once the others have ended.
 */
export function runScheduled<T>(tasks: readonly ScheduledTask<T>[], jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const waiting = tasks.map((_, index) => index);
  const busy = new Set<string>();
  let running = 0;
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    const next = (): void => {
      while (running < Math.max(1, jobs)) {
        const at = waiting.findIndex((index) => !busy.has((tasks[index] as ScheduledTask<T>).key));
        if (at === -1) break;
        const [index] = waiting.splice(at, 1) as [number];
        const task = tasks[index] as ScheduledTask<T>;
        busy.add(task.key);
        running += 1;
        task
          .run()
          .then(
            (result) => {
              results[index] = result;
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => {
            busy.delete(task.key);
            running -= 1;
            next();
          });
      }
      if (running === 0 && waiting.length === 0) {
        if (failure) reject(failure.error);
        else resolve(results);
      }
    };
    next();
  });
}
