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
};
