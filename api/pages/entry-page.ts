// The guest entry page at /g/:token: a server-rendered shell around <guest-entry-form>, which does the
// rest through the API. The shell holds no inline script or style, so its CSP can be strict.
import { html } from 'hono/html';
import { type Language, supportedLanguages } from '../../widget/internal/localize.ts';
import { en } from '../../widget/locales/en.ts';
import { es } from '../../widget/locales/es.ts';
import { he } from '../../widget/locales/he.ts';
import {
  ENTRY_PAGE_CSS_PATH,
  ENTRY_PAGE_ICON_PATH,
  ENTRY_PAGE_PRELOADS,
  ENTRY_PAGE_SCRIPT_PATH,
} from './assets.ts';

const translations = { en, es, he };

/**
 * Shown where scripts do not run (turned off, blocked by an extension or a company policy): the form is the
 * element, so without this the guest would see an empty page. Only here, not in the element's wording.
 */
const NO_SCRIPT: Record<Language, { title: string; message: string }> = {
  en: {
    title: 'JavaScript is needed to join',
    message: 'Turn on JavaScript for this site in your browser, or open this link in another browser.',
  },
  es: {
    title: 'Se necesita JavaScript para unirse',
    message: 'Activa JavaScript para este sitio en tu navegador o abre este enlace en otro navegador.',
  },
  he: {
    title: 'כדי להצטרף צריך JavaScript',
    message: 'הפעילו JavaScript לאתר הזה בדפדפן, או פתחו את הקישור בדפדפן אחר.',
  },
};

/** Only the page's own origin, plus the tenant's logo (an image, nothing else) where there is one. */
export function entryPageCsp(logoUrl: string | null | undefined): string {
  let logoOrigin = '';
  try {
    const origin = logoUrl ? new URL(logoUrl).origin : '';
    // A host may hold characters that end or widen a CSP source (`;`, `'`, `,`): only a plain host goes in.
    if (/^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d+)?$/.test(origin)) logoOrigin = ` ${origin}`;
  } catch {
    // not an absolute URL: a relative logo is covered by 'self'
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    `img-src 'self'${logoOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface EntryPageInput {
  token: string;
  language: Language;
  /** The room's title for a usable link; undefined shows a neutral title. */
  roomTitle: string | undefined;
}

/** The entry form's chunks named ahead (see ENTRY_PAGE_PRELOADS), one line each under the bundle's script. */
const preloadLinks = () =>
  ENTRY_PAGE_PRELOADS.map(
    (path) => html`
    <link rel="modulepreload" href="/assets/${path}" />`,
  );

export function entryPageHtml({ token, language, roomTitle }: EntryPageInput) {
  const t = translations[language];
  const noScript = NO_SCRIPT[language];
  // What the page script needs when the guest picks another language: its direction and the title.
  const languages = Object.fromEntries(
    supportedLanguages.map((each) => {
      const { dir, entry } = translations[each];
      return [each, { dir, title: roomTitle ?? entry.pageTitle }];
    }),
  );
  return html`<!doctype html>
<html lang="${language}" dir="${t.dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="robots" content="noindex" />
    <meta name="referrer" content="no-referrer" />
    <meta name="guest-access-languages" content="${JSON.stringify(languages)}" />
    <title>${roomTitle ?? t.entry.pageTitle}</title>
    <link rel="icon" href="/assets/${ENTRY_PAGE_ICON_PATH}" type="image/svg+xml" />
    <link rel="stylesheet" href="/assets/${ENTRY_PAGE_CSS_PATH}" />
    <script type="module" src="/assets/guest-entry-form.js"></script>${preloadLinks()}
    <script type="module" src="/assets/${ENTRY_PAGE_SCRIPT_PATH}"></script>
  </head>
  <body>
    <main>
      <guest-entry-form token="${token}"></guest-entry-form>
      <noscript>
        <section class="no-script">
          <h1>${noScript.title}</h1>
          <p>${noScript.message}</p>
        </section>
      </noscript>
    </main>
  </body>
</html>
`;
}
