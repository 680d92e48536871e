// Ends what a test opened, last opened first: node:test runs `after` hooks first registered first, and a
// database must outlive the pools and listeners connected to it.
import type { TestContext } from 'node:test';

const stacks = new WeakMap<TestContext, Array<() => unknown>>();

export function atTestEnd(t: TestContext, cleanup: () => unknown): void {
  let stack = stacks.get(t);
  if (!stack) {
    const created: Array<() => unknown> = [];
    stacks.set(t, created);
    t.after(async () => {
      const errors: unknown[] = [];
      // Every cleanup runs even when one fails, so nothing is left open to hold the process.
      for (let cleanup = created.pop(); cleanup; cleanup = created.pop()) {
        await Promise.resolve()
          .then(cleanup)
          .catch((error: unknown) => errors.push(error));
      }
      if (errors.length > 0) throw errors[0];
    });
    stack = created;
  }
  stack.push(cleanup);
}
