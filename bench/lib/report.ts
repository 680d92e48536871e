// bench/RESULTS.md: when, on what machine, by which command, then one table row per figure and the notes.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Figure, FigureResult } from './figure.ts';

export function machine() {
  return {
    nproc: execSync('nproc').toString().trim(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
  };
}

const cell = (text: string) => text.replaceAll('|', '\\|');

export function writeResults(
  file: string,
  input: {
    command: string;
    startedAt: Date;
    seconds: number;
    results: Array<{ figure: Figure; result: FigureResult | Error }>;
  },
) {
  const host = machine();
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); the latest run only. Every server ran as a child process on',
    '127.0.0.1 with its own temporary database (a SQLite file, or a fresh PostgreSQL database), loaded by',
    'autocannon in a process of its own. The machine is shared and noisy: the ratio to the baseline measured',
    'in the same run is the figure that counts.',
    '',
    `- Date: ${input.startedAt.toISOString()}`,
    `- Machine: nproc ${host.nproc}, memory ${host.memory}, ${host.cpu}, Node ${host.node}`,
    `- Command: \`${input.command}\` (took ${Math.round(input.seconds)} s)`,
    '',
    '| figure | ours | baseline | ratio | target | met? |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const notes: string[] = [];
  const sections: Array<{ title: string; paragraphs: string[] }> = [];
  for (const { figure, result } of input.results) {
    if (result instanceof Error) {
      lines.push(`| ${cell(figure.title)} | crashed | | | | no |`);
      notes.push(`${figure.title}: crashed: ${result.message}`);
      continue;
    }
    for (const row of result.rows) {
      const met = row.met === undefined ? '—' : row.met ? 'yes' : '**no**';
      lines.push(
        `| ${[row.figure, row.ours, row.baseline, row.ratio, row.target].map(cell).join(' | ')} | ${met} |`,
      );
    }
    notes.push(...result.notes);
    // Figures may add paragraphs to one shared section.
    for (const section of result.sections ?? []) {
      const same = sections.find((existing) => existing.title === section.title);
      if (same) same.paragraphs.push(...section.paragraphs);
      else sections.push({ title: section.title, paragraphs: [...section.paragraphs] });
    }
  }
  lines.push('', '## Notes', '', ...notes.map((note) => `- ${note}`), '');
  for (const section of sections)
    lines.push(`## ${section.title}`, '', ...section.paragraphs.flatMap((paragraph) => [paragraph, '']));
  writeFileSync(file, lines.join('\n'));
}
