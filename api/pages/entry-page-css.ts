// The entry page's own stylesheet (served as a file: the page's CSP allows no inline style). It only
// frames the element; the element styles itself.
export const ENTRY_PAGE_CSS = `
html {
  color-scheme: light dark;
  background: light-dark(#eef0f4, #121317);
}
/* Anchored near the top, not centred: the card grows and shrinks between views without jumping. */
body {
  box-sizing: border-box;
  display: grid;
  justify-items: center;
  align-content: start;
  min-block-size: 100vh;
  min-block-size: 100dvh;
  margin: 0;
  padding: clamp(1rem, 10vh, 6rem) 1rem 2rem;
}
main {
  inline-size: 100%;
  max-inline-size: 30rem;
}
/* The element's card (its theme's default colours), for the message shown where scripts do not run. */
.no-script {
  padding: 1.5rem;
  border: 1px solid light-dark(#d5d8de, #34363c);
  border-radius: 12px;
  background: light-dark(#fff, #1f2126);
  color: light-dark(#1b1d22, #eceef2);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
.no-script h1 {
  margin: 0 0 0.5rem;
  font-size: 1.25rem;
}
.no-script p {
  margin: 0;
  color: light-dark(#555b69, #aab0bd);
}
@media (max-width: 380px) {
  body {
    padding: 0.5rem;
  }
}

`;
