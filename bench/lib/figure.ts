// What every measurement module receives and returns, so run.ts can run them in order and report.ts can
// print them alike.
import type { BuiltServers } from './build.ts';
import type { LoadGenerator } from './load.ts';

export interface BenchContext {
  servers: BuiltServers;
  /** When set, product servers run with `node --cpu-prof` and write their profiles here. */
  profileDir?: string;
  /** The run's load generator, in its own process. */
  load: LoadGenerator;
  log(message: string): void;
}

export interface Row {
  figure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** undefined where a figure has no target (reported for information). */
  met?: boolean;
}

export interface FigureResult {
  rows: Row[];
  /** Details worth keeping below the table: status codes, counts, what was checked. */
  notes: string[];
  /** Sections of prose written after the notes, each under its own heading. */
  sections?: Array<{ title: string; paragraphs: string[] }>;
}

export interface Figure {
  /** The name `--only` selects it by. */
  id: string;
  title: string;
  measure(context: BenchContext): Promise<FigureResult>;
}
