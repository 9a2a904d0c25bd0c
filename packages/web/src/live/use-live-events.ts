import type { TLiveTicketEvent } from '@hamkke/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type TLiveState = 'idle' | 'connecting' | 'open' | 'lost';

/** Changes arriving together (a bulk change, a busy minute) refresh the lists once. */
const BATCH_MS = 300;
/** The queue counts scan every open ticket (~0.1 s on a million tickets): at most once in this long. */
const QUEUES_MS = 2000;

/**
 * Listens to GET /api/v1/events while signed in and refreshes what a change touches: the ticket
 * lists, the queue counts, and the page and timeline of the ticket. Only queries on screen refetch;
 * the others are marked stale. EventSource reconnects by itself after a lost connection.
 */
export function useLiveEvents(isSignedIn: boolean): TLiveState {
  const client = useQueryClient();
  const [state, setState] = useState<TLiveState>('idle');

  useEffect(() => {
    if (!isSignedIn || typeof EventSource === 'undefined') return;
    setState('connecting');
    const source = new EventSource('/api/v1/events');
    const tickets = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let queuesTimer: ReturnType<typeof setTimeout> | null = null;
    let queuesAt = 0;
    const refreshQueues = () => {
      queuesTimer = null;
      queuesAt = Date.now();
      void client.invalidateQueries({ queryKey: ['queues'] });
    };
    const flush = () => {
      timer = null;
      const ids = [...tickets];
      tickets.clear();
      void client.invalidateQueries({ queryKey: ['tickets'] });
      queuesTimer ??= setTimeout(refreshQueues, Math.max(0, queuesAt + QUEUES_MS - Date.now()));
      // A ticket page is keyed by the number or id in its address; its data says which ticket it is.
      void client.invalidateQueries({
        predicate: (q) =>
          (q.queryKey[0] === 'ticket' &&
            ids.includes((q.state.data as { id?: string } | undefined)?.id ?? '')) ||
          (q.queryKey[0] === 'timeline' && ids.includes(String(q.queryKey[1]))),
      });
    };
    source.addEventListener('ticket', (message) => {
      try {
        const event = JSON.parse((message as MessageEvent<string>).data) as TLiveTicketEvent;
        tickets.add(event.ticketId);
      } catch {
        return;
      }
      timer ??= setTimeout(flush, BATCH_MS);
    });
    source.onopen = () => setState('open');
    source.onerror = () => setState('lost');
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      if (queuesTimer) clearTimeout(queuesTimer);
      setState('idle');
    };
  }, [isSignedIn, client]);

  return state;
}
