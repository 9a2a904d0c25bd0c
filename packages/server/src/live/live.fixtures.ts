import type { TLiveTicketEvent } from '@hamkke/core';
import type { FastifyInstance } from 'fastify';

export type TEventStream = {
  status: number;
  headers: Headers;
  /** The body read so far when the answer is not a stream (a problem+json), else ''. */
  body: string;
  events: TLiveTicketEvent[];
  /** Waits until an event matching `predicate` has arrived, and returns it. */
  waitFor: (predicate: (e: TLiveTicketEvent) => boolean, timeoutMs?: number) => Promise<TLiveTicketEvent>;
  close: () => void;
  /** Resolves when the server has ended the stream. */
  ended: Promise<void>;
};

/**
 * `GET /api/v1/events` over real HTTP, as a browser's EventSource would (a stream never ends, which
 * an injected request cannot wait for): the app listens on a free loopback port on first use.
 */
export async function openEventStream(app: FastifyInstance, cookie?: string): Promise<TEventStream> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app has no TCP address');
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${address.port}/api/v1/events`, {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    signal: abort.signal,
  });
  const events: TLiveTicketEvent[] = [];
  const waiters = new Set<() => void>();
  const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const body = isStream ? '' : await response.text();
  let ended: Promise<void> = Promise.resolve();
  if (isStream && response.body) {
    ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (block.includes('event: ticket') && data) {
              events.push(JSON.parse(data) as TLiveTicketEvent);
              for (const wake of waiters) wake();
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  const waitFor: TEventStream['waitFor'] = (predicate, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  return {
    status: response.status,
    headers: response.headers,
    body,
    events,
    waitFor,
    ended,
    close: () => abort.abort(),
  };
}
