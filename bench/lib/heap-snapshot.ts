// V8 heap snapshots of a server child (started with `heapSnapshotDir`): taken on SIGUSR2, then read back as
// the objects still reachable from the roots, counted by constructor (closures by function name), so a figure
// can say how many stream objects a server retains and what grew between two snapshots.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { request } from './http.ts';
import type { ServerProcess } from './processes.ts';

/** Objects of one constructor (closures as `name()`): how many, and their own bytes. */
export type HeapCounts = Map<string, { count: number; bytes: number }>;

export interface HeapReading {
  counts: HeapCounts;
  /** The self sizes of everything reachable: the live heap. */
  reachableBytes: number;
}

const snapshotsIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.heapsnapshot'));

/**
 * Asks the server for a snapshot and waits until it is written: Node writes it synchronously in the server's
 * signal handler, so an answer to a request sent once the file exists comes after the file is complete.
 */
export async function takeHeapSnapshot(server: ServerProcess, dir: string): Promise<string> {
  const before = new Set(snapshotsIn(dir));
  process.kill(server.pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 100) {
    const written = snapshotsIn(dir).find((name) => !before.has(name));
    if (written) {
      await request(`${server.url}/healthz`);
      return join(dir, written);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no heap snapshot from server ${server.pid} within 120 s`);
}

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/**
 * Objects and closures reachable from the snapshot's root over strong edges (a WeakMap's or WeakRef's hold is
 * not retention), by constructor name. The file is removed once read: snapshots run to hundreds of MB.
 */
export function readHeapSnapshot(file: string): HeapReading {
  const { snapshot, nodes, edges, strings } = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  rmSync(file);
  const { node_fields, node_types, edge_fields, edge_types } = snapshot.meta;
  const nodeWidth = node_fields.length;
  const edgeWidth = edge_fields.length;
  const typeAt = node_fields.indexOf('type');
  const nameAt = node_fields.indexOf('name');
  const sizeAt = node_fields.indexOf('self_size');
  const edgeCountAt = node_fields.indexOf('edge_count');
  const edgeTypeAt = edge_fields.indexOf('type');
  const toAt = edge_fields.indexOf('to_node');
  const weak = edge_types[0].indexOf('weak');
  const counted = new Set([node_types[0].indexOf('object'), node_types[0].indexOf('closure')]);
  const closure = node_types[0].indexOf('closure');

  const nodeCount = nodes.length / nodeWidth;
  // A node's edges follow those of the nodes before it.
  const firstEdge = new Float64Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    firstEdge[node + 1] =
      (firstEdge[node] as number) + (nodes[node * nodeWidth + edgeCountAt] as number) * edgeWidth;
  }
  const reached = new Uint8Array(nodeCount);
  const queue = new Uint32Array(nodeCount);
  let head = 0;
  let tail = 0;
  reached[0] = 1;
  queue[tail++] = 0;
  while (head < tail) {
    const node = queue[head++] as number;
    for (let edge = firstEdge[node] as number; edge < (firstEdge[node + 1] as number); edge += edgeWidth) {
      if (edges[edge + edgeTypeAt] === weak) continue;
      const to = (edges[edge + toAt] as number) / nodeWidth;
      if (reached[to]) continue;
      reached[to] = 1;
      queue[tail++] = to;
    }
  }

  const counts: HeapCounts = new Map();
  let reachableBytes = 0;
  for (let node = 0; node < nodeCount; node++) {
    if (!reached[node]) continue;
    reachableBytes += nodes[node * nodeWidth + sizeAt] as number;
    const type = nodes[node * nodeWidth + typeAt] as number;
    if (!counted.has(type)) continue;
    const name = strings[nodes[node * nodeWidth + nameAt] as number] as string;
    const key = type === closure ? `${name}()` : name;
    const entry = counts.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += nodes[node * nodeWidth + sizeAt] as number;
    counts.set(key, entry);
  }
  return { counts, reachableBytes };
}

export const countOf = (counts: HeapCounts, name: string) => counts.get(name)?.count ?? 0;

/** The constructors whose count grew most from `before` to `after`: `Name +n (+KB)`. */
export function largestGrowth(before: HeapCounts, after: HeapCounts, top = 8): string[] {
  return [...after]
    .map(([name, { count, bytes }]) => ({
      name,
      count: count - countOf(before, name),
      bytes: bytes - (before.get(name)?.bytes ?? 0),
    }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map((entry) => `${entry.name} +${entry.count} (+${Math.round(entry.bytes / 1024)} KB)`);
}
