// The entry page's own stylesheet (served as a file: the page's CSP allows no inline style). It only
// frames the element; the element styles itself.
export const ENTRY_PAGE_CSS = `
html {
  color-scheme: light dark;
  background: light-dark(#eef0f4, #121317);
}
body {
  box-sizing: border-box;
  display: grid;
  place-items: center;
  min-block-size: 100vh;
  min-block-size: 100dvh;
  margin: 0;
  padding: 1rem;
}
main {
  inline-size: 100%;
  max-inline-size: 28rem;
}
@media (max-width: 380px) {
  body {
    padding: 0.5rem;
  }
}
`;
