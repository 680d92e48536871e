// The built widget files under /assets/: the script-tag bundles (dist/*.js) and their chunks
// (dist/chunks/*.js), plus the entry page's own stylesheet, script and icon. Only names of that shape are served, so no
// path can leave dist/ or reach the server build in dist/server/.
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ENTRY_PAGE_CSS } from './entry-page-css.ts';
import { ENTRY_PAGE_ICON, ENTRY_PAGE_SCRIPT } from './entry-page-script.ts';

// Two levels up from both api/pages/assets.ts and the built dist/server/cli.js is the package root.
const distFolder = fileURLToPath(new URL('../../dist/', import.meta.url));

/** `name.js`, `name.js.map`, or the same under `chunks/`: no slashes beyond that, no dot segments. */
const ASSET_PATH = /^(?:chunks\/)?[\w-]+(?:\.[\w-]+)*\.js(?:\.map)?$/;

export const ENTRY_PAGE_CSS_PATH = 'guest-entry-page.css';
export const ENTRY_PAGE_SCRIPT_PATH = 'guest-entry-page.js';
export const ENTRY_PAGE_ICON_PATH = 'guest-access-icon.svg';

/**
 * What the entry page names ahead as modulepreload links (build.mjs writes the list): the entry form's chunks,
 * which the browser would otherwise find one after another. None where dist/ has no list (an older build).
 */
export const ENTRY_PAGE_PRELOADS: readonly string[] = (() => {
  try {
    const list: unknown = JSON.parse(readFileSync(`${distFolder}entry-page-preload.json`, 'utf8'));
    return Array.isArray(list)
      ? list.filter((path) => typeof path === 'string' && ASSET_PATH.test(path))
      : [];
  } catch {
    return [];
  }
})();

/** The entry page's own files, kept in the server (not in dist/): its stylesheet, script and icon. */
const pageFiles: Record<string, { body: string; type: string }> = {
  [ENTRY_PAGE_CSS_PATH]: { body: ENTRY_PAGE_CSS, type: 'text/css; charset=utf-8' },
  [ENTRY_PAGE_SCRIPT_PATH]: { body: ENTRY_PAGE_SCRIPT, type: 'text/javascript; charset=utf-8' },
  [ENTRY_PAGE_ICON_PATH]: { body: ENTRY_PAGE_ICON, type: 'image/svg+xml' },
};

// Chunk names carry a content hash, so they never change; entry bundles keep their name across builds.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

const contentType = (path: string) =>
  path.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8';

/** The response for GET /assets/<path>, honouring If-None-Match; undefined when there is no such asset. */
export async function assetResponse(
  path: string,
  ifNoneMatch: string | undefined,
): Promise<Response | undefined> {
  const pageFile = pageFiles[path];
  if (pageFile) {
    return new Response(pageFile.body, {
      headers: { 'Content-Type': pageFile.type, 'Cache-Control': 'public, max-age=3600' },
    });
  }
  if (!ASSET_PATH.test(path)) return undefined;
  const file = `${distFolder}${path}`;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = {
    'Content-Type': contentType(path),
    'Cache-Control': path.startsWith('chunks/') ? IMMUTABLE : REVALIDATE,
    ETag: etag,
    // Integrators load the bundle from their own pages, and module scripts are fetched with CORS.
    'Access-Control-Allow-Origin': '*',
  };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(await readFile(file), { headers });
}
