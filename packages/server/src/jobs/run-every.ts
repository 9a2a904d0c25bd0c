import type { Logger } from 'pino';

/**
 * Runs `pass` every `intervalMs` in this process, one pass at a time: a tick that finds a pass still
 * running (or `first`, work to finish before the first pass) is skipped. A failed pass is logged
 * with `failure` and the next tick tries again. Returns stop: no more ticks, and the pass in flight
 * finished.
 */
export function runEvery(
  intervalMs: number,
  logger: Logger,
  failure: string,
  pass: () => Promise<unknown>,
  first: Promise<unknown> | null = null,
): () => Promise<void> {
  let running: Promise<unknown> | null =
    first?.finally(() => {
      running = null;
    }) ?? null;
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch((error: unknown) => logger.error({ err: error }, failure))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
