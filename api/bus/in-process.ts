// The event bus of a single process (SQLite): every change is made here, so publishing is delivering.
import { type Logger, silentLogger } from '../logging.ts';
import type { BusMessage, EventBus } from './contract.ts';
import { listenerSet } from './listeners.ts';

export function createInProcessBus(logger: Logger = silentLogger()): EventBus {
  const subscribers = listenerSet<[BusMessage]>(logger);
  return {
    crossesInstances: false,
    listening: true,
    publish: async (message) => subscribers.call(message),
    subscribe: subscribers.add,
    // Never cut off from its own changes, so never a reason to resynchronise.
    onResync: () => () => {},
    close: async () => subscribers.clear(),
  };
}
