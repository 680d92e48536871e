// The elements package (packages/elements, `guest-access-elements`): the widget as unbundled ES modules
// with their declarations (tsc, tsconfig.elements.json), so Lit stays a dependency an app shares with
// its own components; the self-contained script-tag bundles from dist/ under cdn/; and the Custom
// Elements Manifest pointing at the shipped modules. The server package (the repository root) carries
// none of it but the bundles it serves under /assets/.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

export const ELEMENTS_DIR = 'packages/elements';
const OUT = `${ELEMENTS_DIR}/dist`;

const manifest = () => JSON.parse(readFileSync(`${ELEMENTS_DIR}/package.json`, 'utf8'));

/** Every module specifier of a .js or .d.ts file (static, side-effect and dynamic imports, re-exports). */
const specifiers = (text) =>
  [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g)].map((match) => match[2]);

const filesUnder = (folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/**
 * tsc writes `.ts` specifiers into declarations (it rewrites them in JavaScript only), names the Lit
 * package a type comes from (`import("lit-html").TemplateResult`: not a dependency, so not resolvable
 * under pnpm) where `lit` re-exports it, and emits every file of the program, the API's server modules
 * too. Rewrite those specifiers, keep only what the package's entry points reach, and refuse a bare import
 * that is not a dependency.
 */
function prune(entries, dependencies) {
  for (const file of filesUnder(OUT).filter((path) => path.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text
      .replace(/((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2')
      .replace(/(import\(\s*)(['"])(?:lit-html|lit-element|@lit\/reactive-element)\2/g, '$1$2lit$2');
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    if (!existsSync(file)) throw new Error(`${file} is imported by the elements package but was not built`);
    reached.add(file);
    if (existsSync(`${file}.map`)) reached.add(`${file}.map`);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier);
        visit(file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target);
      } else {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!dependencies.includes(name)) {
          throw new Error(
            `${relative('.', file)} imports ${specifier}, not a dependency of the elements package`,
          );
        }
      }
    }
  };
  for (const entry of entries) {
    visit(entry);
    visit(entry.replace(/\.js$/, '.d.ts'));
  }
  for (const file of filesUnder(OUT)) if (!reached.has(file)) rmSync(file);
}

/** Builds packages/elements; `bundles` are the script-tag entry names already built into dist/. */
export async function buildElementsPackage(bundles) {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(`${ELEMENTS_DIR}/cdn`, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.elements.json',
  ]).catch((error) => {
    throw new Error(`tsc -p tsconfig.elements.json failed:\n${error.stdout}${error.stderr}`);
  });

  const { exports, dependencies } = manifest();
  const entries = Object.values(exports)
    .map((target) => target.default)
    .filter((target) => target?.startsWith('./dist/'))
    .map((target) => join(ELEMENTS_DIR, target));
  prune(entries, Object.keys(dependencies));

  for (const name of bundles) {
    for (const file of [`${name}.js`, `${name}.js.map`])
      cpSync(`dist/${file}`, `${ELEMENTS_DIR}/cdn/${file}`);
  }
  // Only this build's chunks (chunk names carry the entry's name; dist/chunks is cleared each build).
  cpSync('dist/chunks', `${ELEMENTS_DIR}/cdn/chunks`, { recursive: true });

  // The manifest's modules are the sources (widget/…/x.ts); in the package they are dist/widget/…/x.js.
  const elementsManifest = readFileSync('custom-elements.json', 'utf8').replace(
    /"widget\/([^"]+)\.ts"/g,
    '"dist/widget/$1.js"',
  );
  writeFileSync(`${ELEMENTS_DIR}/custom-elements.json`, elementsManifest);
}
