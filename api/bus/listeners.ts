// The listeners of a bus. One that throws is logged and does not stop the others (on the PostgreSQL bus
// it would otherwise throw inside the driver's protocol handling of the listening connection).
import type { Logger } from '../logging.ts';

export function listenerSet<Args extends unknown[]>(logger: Logger) {
  const listeners = new Set<(...args: Args) => void>();
  return {
    add(listener: (...args: Args) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    call(...args: Args): void {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          logger.error({ err: error }, 'a bus listener failed');
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
