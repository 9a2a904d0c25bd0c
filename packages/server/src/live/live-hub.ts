import { LIVE_TICKET_CHANNEL, type TLiveTicketEvent, ZLiveTicketEvent } from '@hamkke/core';
import pg from 'pg';

type TListener = (event: TLiveTicketEvent) => void;
type TLog = { warn: (obj: object, msg: string) => void };

const RECONNECT_MS = 2000;

/**
 * Ticket events of every server process, fanned out to this process's listeners. One dedicated
 * PostgreSQL connection per process LISTENs (not a pooled one: a pooled connection would be handed
 * to queries and its LISTEN lost); writers NOTIFY in their transaction, delivered at commit.
 * The connection opens with the first listener, so a process nobody watches holds none.
 */
export class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Set<TListener>();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private isClosed = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly log: TLog,
  ) {}

  /** Adds a listener once the connection listens; the returned function removes it. */
  async subscribe(listener: TListener): Promise<() => void> {
    await this.listen();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private listen(): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('The live hub is closed'));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.connection, application_name: 'hamkke-live' });
    client.on('notification', (message) => this.deliver(message.payload));
    // A lost connection (database restart, network) is opened again while anyone listens.
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) this.log.warn({ err: error }, 'live events: connection lost');
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    try {
      await client.query(`LISTEN ${LIVE_TICKET_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.isClosed) {
      await client.end();
      throw new Error('The live hub is closed');
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.isClosed || this.reconnectTimer || this.listeners.size === 0) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch((error: unknown) => {
        this.log.warn({ err: error }, 'live events: could not reconnect');
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
  }

  private deliver(payload: string | undefined): void {
    let event: TLiveTicketEvent;
    try {
      event = ZLiveTicketEvent.parse(JSON.parse(payload ?? ''));
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Stops listening and ends the connection; listeners are dropped. */
  async close(): Promise<void> {
    this.isClosed = true;
    this.listeners.clear();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
