// Hebrew for why <guest-access-manager>'s window or a host's action was refused: a chunk of its own,
// loaded with the window's body when the element is set to Hebrew.
import type { FailuresTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const failures: Translation['failures'] = {
  // למה החלון או פעולה של המארח נדחו, ומה לעשות (issue 14).
  createNeedsAccess: 'הפעילו את גישת האורחים כדי ליצור קישור.',
  createAtLimit: (max: number) => `לחדר יכולים להיות עד ${max} קישורי אורח. מחקו קישור כדי ליצור קישור אחר.`,
  errors: {
    originNotAllowed: (origin: string) =>
      `הדף הזה (${origin}) אינו מורשה להשתמש בשירות גישת האורחים. בקשו ממנהל המערכת להוסיף אותו למקורות המורשים של הדייר, ואז טענו מחדש.`,
    notApi:
      'שירות גישת האורחים אינו עונה בכתובת של החלון הזה. בקשו מבעלי האתר לבדוק את הגדרת ה-api של הרכיב.',
    blockedByCsp:
      'מדיניות האבטחה של הדף הזה (Content-Security-Policy) אינה מתירה את שירות גישת האורחים. בקשו מבעלי האתר להוסיף אותו ל-connect-src, ואז טענו מחדש.',
    tokenUnavailable:
      'האתר לא הצליח לספק אסימון מארח. התחברו מחדש או טענו את הדף מחדש; אם זה נמשך, בקשו מבעלי האתר לבדוק את שירות האסימונים.',
    wrongRoom:
      'אסימון המארח של הדף הזה שייך לחדר אחר. טענו את הדף מחדש; אם זה נמשך, בקשו מבעלי האתר להנפיק אסימונים לחדר הזה.',
  },
  refusal: {
    channel: 'גישת אורחים אינה נתמכת בחדרים מסוג ערוץ.',
    inviteToMedia:
      'גישת אורחים דורשת את מודול Invitetomedia. בקשו ממנהל המערכת להפעיל אותו וטענו מחדש את הדף.',
    mediaPage:
      "גישת אורחים דורשת את מודול Theming עם התכונה 'mediapage' מוגדרת ל-'כן'. בקשו ממנהל המערכת להפעיל אותו וטענו מחדש את הדף.",
    forbidden: 'רק משתמשים מורשים יכולים לנהל גישת אורחים. בקשו הרשאה מבעלי המדיה.',
    expired: 'פג תוקף ההתחברות. התחברו מחדש ונסו שוב.',
    roomNotFound: 'המדיה הזו כבר אינה זמינה.',
    rateLimited: 'יותר מדי בקשות. המתינו רגע ונסו שוב.',
    unexpected: 'משהו השתבש. נסו שוב.',
  },
};

/** What <guest-access-manager> says in Hebrew when the window or a host's action is refused. */
export const he: FailuresTranslation = { dir, common, failures };
