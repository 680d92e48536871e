// The bare JSON route's answer: about the size of the product's link page answer.
export const BARE_ANSWER = {
  room: {
    title: 'Make your next event a next-level event',
    startsAt: '2026-06-12T14:00:00.000Z',
    endsAt: '2026-06-12T14:45:00.000Z',
    timeZone: 'America/New_York',
  },
  branding: { logoUrl: null, accentColor: null },
};
