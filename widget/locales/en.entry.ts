// English strings of <guest-entry-form>.
export const entry = {
  name: 'Name',
  email: 'Email',
  pageTitle: 'Guest access',
  language: 'Language',
  intro: 'Enter your name and email to join the session.',
  emailPurpose: 'Used for identification only.',
  submit: 'Join',
  joining: 'Joining…',
  nameRequired: 'Enter your name.',
  emailRequired: 'Enter your email.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  rateLimited: 'Too many attempts. Please wait a moment and try again.',
  failed: 'Something went wrong. Try again.',
  liveNow: 'Live now',
  /** `duration` is already formatted for the language: "20 min", "2 hr". */
  startsIn: (duration: string) => `Starts in ${duration}`,
  ended: 'Ended',
};
