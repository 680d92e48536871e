// `node --import tsx bench/profile.ts FILE.cpuprofile [N]`: the functions costing most in a profile written
// by `npm run bench -- --profile DIR`, by self time and by total (inclusive) time, to pick what to fix.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, count = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\//, '')}:${lineNumber + 1}`;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const all = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
// Inclusive time counts a function once per stack even when it recurses.
const walk = (node: ProfileNode, onStack: Set<string>): number => {
  const name = label(node);
  let hits = node.hitCount ?? 0;
  self.set(name, (self.get(name) ?? 0) + hits);
  const inner = new Set(onStack).add(name);
  for (const child of node.children ?? []) hits += walk(byId.get(child) as ProfileNode, inner);
  if (!onStack.has(name)) total.set(name, (total.get(name) ?? 0) + hits);
  return hits;
};
walk(profile.nodes[0] as ProfileNode, new Set());

const top = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count))
    .map(([name, hits]) => `${((hits / all) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
console.log(`self time\n${top(self)}\n\ntotal time\n${top(total)}`);
