// English strings of <guest-access-manager>.
export const manager = {
  title: 'Manage guest access',
  intro: 'Allow link-based access without sign-in. Up to 3 guest links available.',
  // The live connection (issue 12).
  live: {
    reconnecting: 'Connection lost — reconnecting. What you see may be out of date.',
  },
};
