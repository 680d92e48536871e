// A logger for tests whose lines are kept, parsed: a line that is not one JSON object fails the test.
import { createLogger } from '../../api/logging.ts';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/** A process's output as log lines, parsed: a line that is not one JSON object fails the test. */
export const logLinesOf = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);

/** A logger at `level` whose lines land in `lines`, parsed, and in `raw` as written. */
export function capturedLogger(level: 'info' | 'warn' = 'info') {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, {
    write(text: string) {
      for (const line of text.split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
    },
  });
  return { logger, lines, raw };
}
