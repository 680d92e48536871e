// The entry page's own script (served as a file: the page's CSP allows no inline script). The element's
// language selector sets its `lang` attribute; the page follows, so the page's language, direction and
// (neutral) title match what the guest chose. The languages' directions and titles come from the page's
// <meta name="guest-access-languages">, written by the server from the same translations.
export const ENTRY_PAGE_SCRIPT = `
const form = document.querySelector('guest-entry-form');
const meta = document.querySelector('meta[name="guest-access-languages"]');
const languages = JSON.parse(meta ? meta.content : '{}');
if (form) {
  new MutationObserver(() => {
    const chosen = languages[form.getAttribute('lang')];
    if (!chosen) return;
    document.documentElement.lang = form.getAttribute('lang');
    document.documentElement.dir = chosen.dir;
    if (chosen.title) document.title = chosen.title;
  }).observe(form, { attributes: true, attributeFilter: ['lang'] });
}
`;

/** The page's icon (no 404 in the console): a door with a guest, drawn in the accent blue. */
export const ENTRY_PAGE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2457d6"/><circle cx="16" cy="12" r="5" fill="#fff"/><path d="M7 26a9 9 0 0 1 18 0z" fill="#fff"/></svg>`;
