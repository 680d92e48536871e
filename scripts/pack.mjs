// Packs the two packages with `npm pack` (as a release would, without its prepack: the caller has run
// `node build.mjs --packages`): the server (the repository root, `guest-access`) and the elements
// (packages/elements, `guest-access-elements`). Used by `npm run lint` and test/packaging.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ELEMENTS_DIR } from './elements-package.mjs';

export const PACKAGE_DIRS = { server: '.', elements: ELEMENTS_DIR };

/**
 * The environment for an npm command in another project: without what `npm run` exported about this one
 * (its local prefix, package and lifecycle), so the command sees only its working folder.
 */
export const npmEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_(config_local_prefix$|package_|lifecycle_)/.test(name),
    ),
  );

/** Packs both into `destination`; answers the tarballs' absolute paths and their file lists. */
export async function packPackages(destination) {
  const packed = await Promise.all(
    Object.entries(PACKAGE_DIRS).map(async ([kind, dir]) => {
      const { stdout } = await promisify(execFile)(
        'npm',
        ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(destination)],
        { cwd: dir, env: npmEnv() },
      );
      const [{ filename, files }] = JSON.parse(stdout);
      return [kind, { tarball: join(resolve(destination), filename), files: files.map((file) => file.path) }];
    }),
  );
  return Object.fromEntries(packed);
}
