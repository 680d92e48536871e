// English strings both elements show, and the text direction. The English files are the reference:
// the other languages' are typed against them (see en.ts).
export const dir = 'ltr' as 'ltr' | 'rtl';

export const common = {
  languageName: 'English',
  close: 'Close',
  retry: 'Try again',
  never: 'Never',
  loading: 'Loading…',
  networkDown: 'Cannot reach the server. Check your connection and try again.',
  partFailed: "Part of this page didn't load. Check your connection, then try again or reload the page.",
  /** A person's or a link's name as the API checks it (SPEC rule 2). */
  nameRule: (max: string) =>
    `Enter a name of 1 to ${max} characters. Use visible characters, without hidden formatting marks.`,
};
