// English, the article's own wording. Every string the elements show comes from here (or its
// translations, which are typed against it). Sections: `common` for both elements, `manager` for
// <guest-access-manager>, `entry` for <guest-entry-form>.
export const en = {
  dir: 'ltr' as 'ltr' | 'rtl',
  common: {
    languageName: 'English',
    close: 'Close',
    retry: 'Try again',
    never: 'Never',
    loading: 'Loading…',
    networkDown: 'Cannot reach the server. Check your connection and try again.',
  },
  manager: {
    title: 'Manage guest access',
    intro: 'Allow link-based access without sign-in. Up to 3 guest links available.',
    enable: 'Enable guest access',
    linkCount: (n: number) => (n === 1 ? '1 link' : `${n} links`),
    createLink: 'Create new link',
    linkName: 'Link name',
    expirationDate: 'Expiration date',
    clicks: '# of clicks',
    actions: 'Actions',
  },
  entry: {
    name: 'Name',
    email: 'Email',
    accessRemoved:
      'Access to this media via this link was removed. Please contact the media owner for access.',
  },
};

export type Translation = typeof en;
