// The package's own package.json (its version and supported Node versions), found by walking up from this
// module: from the source (api/), the built server (dist/server/) and the bench's bundle alike.
import { existsSync, readFileSync } from 'node:fs';

interface PackageInfo {
  version: string;
  engines: { node: string };
}

function readPackageInfo(): PackageInfo {
  for (let folder = new URL('./', import.meta.url); ; folder = new URL('../', folder)) {
    const file = new URL('package.json', folder);
    if (existsSync(file)) {
      const info = JSON.parse(readFileSync(file, 'utf8')) as PackageInfo & { name?: string };
      if (info.name === 'guest-access') return info;
    }
    if (folder.pathname === '/') throw new Error('package.json of guest-access not found');
  }
}

export const packageInfo = readPackageInfo();

/**
 * Whether `version` satisfies an engines range written as `^A.B.C || >=D.E.F` (the only forms package.json
 * uses here; a full semver library would be a dependency for one check).
 */
export function satisfiesEngines(version: string, range: string): boolean {
  const parts = (text: string) => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const atLeast = (have: number[], want: number[]) => {
    for (let index = 0; index < 3; index++) {
      if ((have[index] ?? 0) !== (want[index] ?? 0)) return (have[index] ?? 0) > (want[index] ?? 0);
    }
    return true;
  };
  const have = parts(version.replace(/^v/, ''));
  return range.split('||').some((alternative) => {
    const match = /^\s*(\^|>=)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
    if (!match?.[2]) return false;
    const want = parts(match[2]);
    return atLeast(have, want) && (match[1] === '>=' || have[0] === want[0]);
  });
}
