// English strings of <guest-access-manager>'s windows (create and edit, delete, automatic admission,
// History) and its knock alert: they load with the windows' chunk, not with the element.
export const windows = {
  /** Above a link's URL when the browser refused to copy it (after the click, so with the windows). */
  copyByHand: 'Your browser did not allow copying. Copy the link yourself:',
  /** Said to screen readers after the host's action or a knock (they load with the windows). */
  announcements: {
    created: (name: string) => `Link “${name}” created — copy it to share`,
    deleted: (name: string) => `Link “${name}” deleted`,
    rotated: (name: string) => `“${name}” has a new address. Copy it again to share it.`,
    copied: 'Link copied',
    invitationCopied: 'Invitation copied',
    paused: (name: string) => `Link “${name}” paused: it no longer lets guests in`,
    resumed: (name: string) => `Link “${name}” enabled again`,
    arrived: (name: string) => `${name} is waiting to be admitted`,
    /** The same, with other managers on the page (one per room). */
    arrivedInRoom: (name: string, room: string) => `${name} is waiting to be admitted to ${room}`,
    admitted: (count: number) => (count === 1 ? 'Guest admitted' : `${count} guests admitted`),
    denied: (name: string) => `${name} denied`,
    removed: (name: string) => `${name} removed from the session`,
  },
  create: {
    title: 'Create new link',
    intro: 'Allow anyone with this link to access the media without signing in.',
    name: 'Link Name',
    clicks: '# of clicks',
    clicksHint: 'Limit how many times this link can be accessed. Leave blank for unlimited.',
    duration: 'Duration',
    days: 'Day/s',
    cancel: 'Cancel',
    submit: 'Create',
    editTitle: 'Edit guest link',
    editIntro: 'Changes apply as soon as you save. The link keeps its address unless you give it a new one.',
    save: 'Save',
    expiry: 'Expiry',
    expiryAfterDays: 'Expires after a number of days',
    expiryOnDate: 'Expires on a date and time',
    expiryDate: 'Expires on',
    roomZoneHint: (zone: string) => `In the room's time zone (${zone}). Leave blank to never expire.`,
    browserZoneHint: (zone: string) => `In your time zone (${zone}). Leave blank to never expire.`,
    rules: {
      /** The Link Name left empty; a name that is there but breaks the rule gets `common.nameRule`. */
      nameEmpty: 'Enter a name for the link.',
      maxUses: (max: string) => `Enter a whole number from 1 to ${max}, or leave empty for unlimited clicks.`,
      durationDays: (max: string) =>
        `Enter whole days from 1 to ${max}, or leave empty for a link that never expires.`,
      expiresAt: (max: string) =>
        `Enter a date and time in the future, at most ${max} days ahead, or leave empty for a link that never expires.`,
      maxUsesBelowUses: (uses: string) =>
        `This link was already used ${uses} times. Enter ${uses} or more, or leave empty for unlimited clicks.`,
    },
    // Issue 13: the create window's hints.
    namePlaceholder: 'e.g. Guest speakers',
    durationHint: 'Leave blank to never expire',
    expiresOn: (date: string) => `Expires ${date}`,
    // Per-link admission and a new address (issue 15's items 3 and 4 in the manager).
    admission: 'Admission',
    admissionRoom: "Follow the room's setting",
    admissionModerator: 'Guests wait for a moderator',
    admissionAuto: 'Guests join without waiting',
    rotate: 'Give this link a new address',
    rotateHint: 'The current address stops working at once. Guests who already used it keep their place.',
  },
  history: {
    title: 'Guest history',
    link: 'Link',
    allLinks: 'All links',
    downloadCsv: 'Download CSV',
    name: 'Guest',
    status: 'Status',
    arrived: 'Arrived',
    admitted: 'Admitted',
    left: 'Left',
    empty: 'No guests yet.',
    erased: '(erased)',
    loadMore: 'Load more',
    statuses: {
      waiting: 'Waiting',
      admitted: 'Admitted',
      denied: 'Denied',
      left: 'Left',
      removed: 'Removed',
    },
  },
  confirmDelete: {
    title: 'Delete this link?',
    body: (name: string) => `“${name}” stops working at once. Deleted links can't be restored.`,
    guestsStay: 'Guests who already joined using the link remain connected until they refresh or leave.',
    removeGuests: 'Also remove the guests who joined through this link',
    cancel: 'Cancel',
    submit: 'Delete',
  },
  knock: {
    alertLabel: 'Guests waiting',
    /** The alert's name while other managers on the page alert too (one per room). */
    alertLabelInRoom: (room: string) => `Guests waiting for ${room}`,
    oneWaiting: (name: string) => `${name} is waiting`,
    manyWaiting: (count: number) => `${count} guests are waiting`,
    view: 'View',
    dismiss: 'Dismiss',
    notificationTitle: (name: string) => `${name} is waiting to be admitted`,
    notificationBody: 'Open the page to admit or deny.',
    /** The same, while other managers on the page alert too (one per room). */
    notificationBodyInRoom: (room: string) => `Waiting for ${room}. Open the page to admit or deny.`,
    confirmAutoTitle: (count: number) =>
      count === 1 ? 'Admit the guest waiting?' : `Admit the ${count} guests waiting?`,
    confirmAutoBody:
      'Guests will no longer wait for a moderator: everyone waiting now is admitted, and new guests join at once.',
    confirmAutoSubmit: 'Admit and stop moderating',
    cancel: 'Cancel',
  },
};
