// English sentences for why <guest-access-manager>'s window or a host's action was refused: they load with the
// window's body (window-view.ts), beside its own wording, as does each other language's.
export const failures = {
  // Why the window or a host's action was refused, and what to do (issue 14).
  createNeedsAccess: 'Turn on guest access to create a link.',
  createAtLimit: (max: number) => `A room can have up to ${max} guest links. Delete one to create another.`,
  errors: {
    originNotAllowed: (origin: string) =>
      `This page (${origin}) is not allowed to use the guest-access service. Ask your administrator to add it to the tenant's allowed origins, then reload.`,
    notApi:
      "The guest-access service does not answer at this window's address. Ask the site owner to check the element's api setting.",
    blockedByCsp:
      "This page's security policy (Content-Security-Policy) does not allow the guest-access service. Ask the site owner to add it to connect-src, then reload.",
    tokenUnavailable:
      'This site could not provide a host token. Sign in again or reload the page; if it persists, ask the site owner to check its token endpoint.',
    wrongRoom:
      "This page's host token is for another room. Reload the page; if it persists, ask the site owner to issue tokens for this room.",
  },
  refusal: {
    channel: 'Guest access is not supported for channel rooms.',
    inviteToMedia:
      'Guest access requires the Invitetomedia module. Ask your administrator to enable it, then reload this page.',
    mediaPage:
      "Guest access requires the Theming module with the 'mediapage' feature set to 'Yes'. Ask your administrator to enable it, then reload this page.",
    forbidden: 'Only permitted users can manage guest access. Ask the media owner for permission.',
    expired: 'Your session has expired. Sign in again, then try again.',
    roomNotFound: 'This media is no longer available.',
    rateLimited: 'Too many requests. Wait a moment, then try again.',
    unexpected: 'Something went wrong. Try again.',
  },
};
