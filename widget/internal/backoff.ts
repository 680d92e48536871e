// The client's one retry policy: a wait that doubles after each failure, up to a ceiling.

/** The wait before the next try after `failures` failed ones: `firstMs`, doubling, at most `maxMs`. */
export const backoffMs = (firstMs: number, maxMs: number, failures: number): number =>
  Math.min(maxMs, firstMs * 2 ** failures);
