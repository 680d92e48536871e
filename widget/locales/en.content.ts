// English strings of <guest-access-manager>'s window content once the room has loaded (switches, links
// table, waiting room, guests in the session): they load with that content (window-view.ts).
export const content = {
  enable: 'Enable guest access',
  offNote:
    "All guest links are inactive. New guests can't join using a link; guests already in the session remain connected until they refresh or leave.",
  admission: 'Guests wait for a moderator to admit them',
  linkCount: (n: number) => (n === 1 ? '1 link' : `${n} links`),
  createLink: 'Create new link',
  readOnly:
    "You can see this room's guest links but not change them: only permitted users can manage guest access. Ask the media owner for permission.",
  linksCaption: 'Guest links',
  noLinks: 'No guest links yet.',
  linkName: 'Link name',
  expirationDate: 'Expiration date',
  clicks: '# of clicks',
  actions: 'Actions',
  admissionChip: { moderator: 'Waits for moderator', auto: 'Joins directly' },
  status: { expired: 'Expired', used_up: 'Used up', paused: 'Paused', inactive: 'Inactive' },
  copy: (name: string) => `Copy link “${name}”`,
  delete: (name: string) => `Delete link “${name}”`,
  // Issue 13: what the rows say (numbers come formatted for the language). No-break spaces keep the
  // count ("2 of 1,000,000") on one line in the table's narrow column; only the word after it may wrap.
  used: (uses: string, max: string) => `${uses}\u00a0of\u00a0${max} used`,
  // Two parts, read "0 used · unlimited": a narrow cell wraps between them without a dangling dot.
  usedUnlimited: (uses: string): [string, string] => [`${uses} used`, 'unlimited'],
  copyShort: 'Copy',
  copiedShort: 'Copied',
  copiedLink: (name: string) => `Copied link “${name}”`,
  createdHint: 'Link created — copy it to share',
  // Issue 15: pause, edit, copy invitation.
  // The switch is the host's on/off, worded as the article's "disable one link"; the status chip says why
  // guests can't use a link that is on ("Used up"), so the switch never reads "Active" beside it.
  enableLink: 'Enable',
  enableLinkSwitch: (name: string) => `Enable link “${name}”`,
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
  // The waiting room's opt-in to browser notifications (issue 12).
  notify: {
    button: 'Notify me when guests arrive',
    on: 'You get a browser notification when a guest arrives while this tab is in the background.',
    denied: 'Notifications are blocked for this site. Allow them in your browser settings to be notified.',
    // No setting can help: browsers refuse notifications to a frame from another site than the page's.
    framed: 'Browser notifications can’t be used here: browsers block them in a page framed by another site.',
  },
  inSession: {
    title: 'In the session',
    note: 'Removing a guest disconnects them at once. They can join again only through a guest link that still works.',
    empty: 'No guests are in the session.',
    joined: (ago: string) => `joined ${ago}`,
    remove: 'Remove',
    removeGuest: (name: string) => `Remove ${name}`,
  },
};
