// The event bus contract: how a change made by one API instance reaches the event streams of every instance.
// In-process for SQLite (one process sees all its changes); PostgreSQL LISTEN/NOTIFY for several instances.

/** A change as it travels between instances: small, JSON-serialisable (NOTIFY payloads are < 8,000 bytes). */
export interface BusMessage {
  /** What the key names: a room (by pk), a guest (by id), a tenant (by id). */
  topic: 'room' | 'guest' | 'tenant';
  key: string;
  event: string;
  data: unknown;
}

export interface EventBus {
  /** Whether other instances hear what this one publishes (so a listener may be anywhere). */
  readonly crossesInstances: boolean;
  /**
   * Whether this instance hears what is published now; false while a lost connection to the bus is restored
   * (a stream opened meanwhile would miss events until the resync).
   */
  readonly listening: boolean;
  /** Delivers to every instance's subscribers, this one's included (after the change is committed). */
  publish(message: BusMessage): Promise<void>;
  subscribe(listener: (message: BusMessage) => void): () => void;
  /**
   * Called when the bus was cut off and is back (messages may have been missed meanwhile): the streams
   * re-read what they show, so no decision is lost.
   */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}
