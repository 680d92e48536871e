// Percentiles of recorded samples (nearest rank) and the number formats the report uses.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const ms = (value: number) => `${fixed(value, value < 10 ? 2 : 1)} ms`;
export const rps = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
export const percent = (ratio: number) => `${fixed(ratio * 100, 0)}%`;

/** `31% 28% 35%`: a ratio per slice. */
export const percents = (ratios: number[]) => ratios.map(percent).join(' ');
