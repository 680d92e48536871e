// How the machine's cores were spent while a load ran: CPU time (user + system, from /proc/<pid>/stat) of the
// servers under load, the load generator, the bench process, PostgreSQL (the server processes that serve
// the bench's databases, plus its shared background writers), and the rest of the machine, from /proc/stat.
// Expressed in cores: CPU seconds per wall-clock second, out of `nproc`.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100;

export type CpuGroup =
  | 'servers'
  | 'idle servers'
  | 'load generator'
  | 'bench'
  | 'PostgreSQL'
  | 'other'
  | 'idle';

/** Cores used per group over the measured time. */
export type CpuShare = Record<CpuGroup, number>;

const GROUPS: CpuGroup[] = [
  'servers',
  'idle servers',
  'load generator',
  'bench',
  'PostgreSQL',
  'other',
  'idle',
];

/** utime + stime in ticks; 0 for a process that has gone. */
export function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Machine-wide busy and idle ticks, summed over all cores. */
function machineTicks() {
  const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    values.map(Number);
  return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait };
}

// A backend's process title names its database ("postgres: 15/main: postgres ga_bench_… 127.0.0.1(…) idle");
// the shared processes name their role, and the postmaster keeps its command line.
const SHARED_POSTGRES =
  /^postgres: [^:]+: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|archiver)$/;

/** PostgreSQL's processes that work for the bench: those of its databases and the shared background ones. */
function postgresPids(databasePrefix: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (title.includes(databasePrefix) || SHARED_POSTGRES.test(title) || !title.startsWith('postgres:'))
        pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
}

export interface CpuProcesses {
  /** The servers under load in this interval. */
  servers: number[];
  /** Other bench servers that stay up meanwhile. */
  idleServers: number[];
  loadGenerator: number;
}

interface Snapshot {
  at: number;
  machine: { busy: number; idle: number };
  ticks: Map<number, number>;
}

/** Measures intervals and sums them per key (one key per contender in a comparison). */
export function cpuMeter(databasePrefix = 'ga_bench_') {
  const totals = new Map<string, { seconds: number; ticks: Record<CpuGroup, number> }>();
  const snapshot = (pids: number[]): Snapshot => ({
    at: performance.now(),
    machine: machineTicks(),
    ticks: new Map(pids.map((pid) => [pid, processTicks(pid)])),
  });
  return {
    /** Starts an interval; its end adds it to `key`'s total. */
    start(key: string, processes: CpuProcesses) {
      const own = [...processes.servers, ...processes.idleServers, processes.loadGenerator, process.pid];
      // Backends that connect during the interval started at 0 ticks.
      const before = snapshot([...own, ...postgresPids(databasePrefix)]);
      return () => {
        const postgres = postgresPids(databasePrefix);
        const after = snapshot([...own, ...postgres]);
        // A backend that ended during the interval reads 0 at its end: its time is lost, not negative.
        const delta = (pid: number) =>
          Math.max(0, (after.ticks.get(pid) ?? 0) - (before.ticks.get(pid) ?? 0));
        const sum = (pids: number[]) => pids.reduce((total, pid) => total + delta(pid), 0);
        const ticks = {
          servers: sum(processes.servers),
          'idle servers': sum(processes.idleServers),
          'load generator': delta(processes.loadGenerator),
          bench: delta(process.pid),
          PostgreSQL: sum(postgres),
          other: 0,
          idle: after.machine.idle - before.machine.idle,
        };
        const ours = GROUPS.slice(0, 5).reduce((total, group) => total + ticks[group], 0);
        ticks.other = Math.max(0, after.machine.busy - before.machine.busy - ours);
        const total = totals.get(key) ?? {
          seconds: 0,
          ticks: Object.fromEntries(GROUPS.map((group) => [group, 0])) as Record<CpuGroup, number>,
        };
        total.seconds += (after.at - before.at) / 1000;
        for (const group of GROUPS) total.ticks[group] += ticks[group];
        totals.set(key, total);
      };
    },
    /** Cores per group over all of `key`'s intervals. */
    share(key: string): CpuShare | undefined {
      const total = totals.get(key);
      if (!total) return undefined;
      return Object.fromEntries(
        GROUPS.map((group) => [group, total.ticks[group] / TICKS_PER_SECOND / total.seconds]),
      ) as CpuShare;
    },
  };
}

/** `servers 1.10, PostgreSQL 0.55, load generator 0.30, … of 2 cores` */
export function formatShare(share: CpuShare | undefined): string {
  if (!share) return 'not measured';
  const parts = GROUPS.filter((group) => group !== 'idle servers' || share[group] >= 0.01).map(
    (group) => `${group} ${share[group].toFixed(2)}`,
  );
  return `${parts.join(', ')} (cores of ${os.availableParallelism()})`;
}
