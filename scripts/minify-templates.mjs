// An esbuild plugin for the widget bundles: esbuild minifies the JavaScript but leaves the text of
// Lit's css`…`, html`…` and svg`…` templates as written, indentation and comments included. This
// takes that out of the static parts of those templates (never the `${…}` expressions):
// - css: comments go, whitespace around `{ } ; , >` and after `:` goes, other runs become one space;
// - html/svg: a run of whitespace holding a line break, outside attribute values, becomes the line
//   break alone (whitespace between inline content still renders as one space; no <pre> or
//   <textarea> is in these templates).
// Every line break is kept (a removed comment's too), so the source map's lines stay right; a css part's
// are gathered at its end, where gzip packs them as one run instead of one between every rule.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** Whitespace run → its line breaks, or one space when it has none. */
const squeeze = (run) => run.replace(/[^\n]/g, '') || ' ';

/** Minifies one static part of a css`` template. */
export function minifyCss(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (char === '"' || char === "'") {
      // A string: kept as written.
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, '');
      i = stop;
    } else if (/\s/.test(char)) {
      let end = i;
      while (end < text.length && /\s/.test(text[end])) end++;
      const run = text.slice(i, end);
      // Dropped beside punctuation that needs no space (not before ':', which would join `a :hover`).
      const before = out.at(-1) ?? '';
      const after = text[end] ?? '';
      const needless = /[{};,>:]/.test(before) || /[{};,>]/.test(after);
      out += needless ? run.replace(/[^\n]/g, '') : squeeze(run);
      i = end;
    } else {
      out += char;
      i++;
    }
  }
  // The last declaration of a block needs no semicolon.
  out = out.replace(/;(\n*)\}/g, '$1}');
  // A line break that separates two words (`0.5rem\n1rem`) becomes a space; beside punctuation, nothing.
  const joined = out.replace(/\n+/g, (run, at) =>
    /[{};,>:]/.test(out[at - 1] ?? '') || /[{};,>]/.test(out[at + run.length] ?? '') ? '' : ' ',
  );
  return joined + out.replace(/[^\n]/g, '');
}

/**
 * Minifies the static parts of one html``/svg`` template. `state` carries the tokenizer across the
 * `${…}` gaps: 'text', 'tag' (inside `<…>`) or the quote character of an attribute value.
 */
export function minifyHtmlParts(parts) {
  let state = 'text';
  return parts.map((text) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const char = text[i];
      if (state === '"' || state === "'") {
        if (char === state) state = 'tag';
        out += char;
        i++;
      } else if (/\s/.test(char)) {
        let end = i;
        while (end < text.length && /\s/.test(text[end])) end++;
        const run = text.slice(i, end);
        out += run.includes('\n') ? squeeze(run) : run;
        i = end;
      } else {
        if (state === 'text' && char === '<') state = 'tag';
        else if (state === 'tag' && char === '>') state = 'text';
        else if (state === 'tag' && (char === '"' || char === "'")) state = char;
        out += char;
        i++;
      }
    }
    return out;
  });
}

/** The source with the templates' static text minified; undefined when it has none. */
export function minifyTemplates(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (tag === 'css' || tag === 'html' || tag === 'svg') {
        const template = node.template;
        // The raw text of each static part, located in the source by its literal's start and end.
        const literals = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        const spans = literals.map((literal) => {
          const start = literal.getStart(file) + 1; // after ` or }
          const end = literal.end - (ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal) ? 2 : 1);
          return { start, end, text: source.slice(start, end) };
        });
        const minified =
          tag === 'css'
            ? spans.map((span) => minifyCss(span.text))
            : minifyHtmlParts(spans.map((s) => s.text));
        spans.forEach((span, index) => {
          if (minified[index] !== span.text) edits.push({ ...span, text: minified[index] });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => b.start - a.start);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The plugin: applies to the widget's own TypeScript (not to Lit in node_modules). */
export const minifyTemplatesPlugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]widget[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = minifyTemplates(source, args.path);
      return contents === undefined ? undefined : { contents, loader: 'ts' };
    });
  },
};
