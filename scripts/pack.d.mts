// Types of scripts/pack.mjs for the TypeScript tests that use it.
export interface Packed {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** The files in it, relative to the package. */
  files: string[];
}
export function npmEnv(): NodeJS.ProcessEnv;
export const PACKAGE_DIRS: { server: string; elements: string };
export function packPackages(destination: string): Promise<{ server: Packed; elements: Packed }>;
