// English strings of <guest-access-manager>.
export const manager = {
  title: 'Manage guest access',
  intro: 'Allow link-based access without sign-in. Up to 3 guest links available.',
  enable: 'Enable guest access',
  offNote:
    "All guest links are inactive. New guests can't join using a link; guests already in the session remain connected until they refresh or leave.",
  admission: 'Guests wait for a moderator to admit them',
  linkCount: (n: number) => (n === 1 ? '1 link' : `${n} links`),
  createLink: 'Create new link',
  createNeedsAccess: 'Turn on guest access to create a link.',
  createAtLimit: (max: number) => `A room can have up to ${max} guest links. Delete one to create another.`,
  readOnly:
    "You can see this room's guest links but not change them: only permitted users can manage guest access. Ask the media owner for permission.",
  linksCaption: 'Guest links',
  noLinks: 'No guest links yet.',
  linkName: 'Link name',
  expirationDate: 'Expiration date',
  clicks: '# of clicks',
  actions: 'Actions',
  status: { expired: 'Expired', used_up: 'Used up', paused: 'Paused', inactive: 'Inactive' },
  copy: (name: string) => `Copy link “${name}”`,
  delete: (name: string) => `Delete link “${name}”`,
  // Issue 13: what the rows say (numbers come formatted for the language).
  used: (uses: string, max: string) => `${uses} of ${max} used`,
  usedUnlimited: (uses: string) => `${uses} used · unlimited`,
  copyShort: 'Copy',
  copiedShort: 'Copied',
  copiedLink: (name: string) => `Copied link “${name}”`,
  createdHint: 'Link created — copy it to share',
  // Issue 15: pause, edit, copy invitation.
  active: 'Active',
  activeSwitch: (name: string) => `Link “${name}” active`,
  edit: (name: string) => `Edit link “${name}”`,
  invitationShort: 'Invitation',
  copyInvitation: (name: string) => `Copy invitation for “${name}”`,
  copiedInvitation: (name: string) => `Copied invitation for “${name}”`,
  historyButton: 'History',
  waitingRoom: {
    title: 'Waiting room',
    empty: 'No guests are waiting.',
    autoNote: 'Guests join as soon as they enter their name and email.',
    viaLink: (link: string) => `via “${link}”`,
    arrived: (ago: string) => `arrived ${ago}`,
    admit: 'Admit',
    deny: 'Deny',
    admitAll: 'Admit all',
    admitGuest: (name: string) => `Admit ${name}`,
    denyGuest: (name: string) => `Deny ${name}`,
    online: 'online',
    offline: 'offline',
    offlineSince: (ago: string) => `offline since ${ago}`,
    askedAgain: (count: number) => `asked again (${count})`,
    admitNeedsAccess: 'Turn on guest access to admit',
    lobbyMessage: 'Message to waiting guests',
    lobbyMessageHint: (max: string) => `Up to ${max} characters. Guests see it while they wait.`,
    saveLobbyMessage: 'Save message',
  },
  inSession: {
    title: 'In the session',
    note: 'Removing a guest disconnects them at once. They can join again only through a guest link that still works.',
    empty: 'No guests are in the session.',
    joined: (ago: string) => `joined ${ago}`,
    remove: 'Remove',
    removeGuest: (name: string) => `Remove ${name}`,
  },
  // Notifications and naming why the window could not load (issues 12 and 14).
  live: {
    notifyButton: 'Notify me when guests arrive',
    notifyOn: 'You get a browser notification when a guest arrives while this tab is in the background.',
    notifyDenied:
      'Notifications are blocked for this site. Allow them in your browser settings to be notified.',
    errors: {
      originNotAllowed: (origin: string) =>
        `This page (${origin}) is not allowed to use the guest-access service. Ask your administrator to add it to the tenant's allowed origins, then reload.`,
      tokenUnavailable:
        'This site could not provide a host token. Sign in again or reload the page; if it persists, ask the site owner to check its token endpoint.',
      wrongRoom:
        "This page's host token is for another room. Reload the page; if it persists, ask the site owner to issue tokens for this room.",
    },
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
