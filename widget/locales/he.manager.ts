// Hebrew for <guest-access-manager>: a chunk of its own, loaded when the element is set to Hebrew.
import type { ManagerTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const manager: Translation['manager'] = {
  title: 'ניהול גישת אורחים',
  intro: 'אפשרו גישה באמצעות קישור ללא התחברות. עד 3 קישורי אורח זמינים.',
  enable: 'הפעלת גישת אורחים',
  offNote:
    'כל קישורי האורח אינם פעילים. אורחים חדשים לא יכולים להצטרף באמצעות קישור; אורחים שכבר נמצאים בסשן נשארים מחוברים עד שירעננו את הדף או יצאו.',
  admission: 'אורחים ממתינים שמנחה יאשר את כניסתם',
  linkCount: (n: number) => (n === 1 ? 'קישור אחד' : `${n} קישורים`),
  createLink: 'יצירת קישור חדש',
  createNeedsAccess: 'הפעילו את גישת האורחים כדי ליצור קישור.',
  createAtLimit: (max: number) => `לחדר יכולים להיות עד ${max} קישורי אורח. מחקו קישור כדי ליצור קישור אחר.`,
  readOnly:
    'אתם יכולים לראות את קישורי האורח של החדר אבל לא לשנות אותם: רק משתמשים מורשים יכולים לנהל גישת אורחים. בקשו הרשאה מבעלי המדיה.',
  linksCaption: 'קישורי אורח',
  noLinks: 'עדיין אין קישורי אורח.',
  linkName: 'שם הקישור',
  expirationDate: 'תאריך תפוגה',
  clicks: 'מספר לחיצות',
  actions: 'פעולות',
  status: { expired: 'פג תוקף', used_up: 'מוצה', paused: 'מושהה', inactive: 'לא פעיל' },
  copy: (name: string) => `העתקה של הקישור „${name}”`,
  copied: 'הקישור הועתק',
  copyByHand: 'הדפדפן לא איפשר העתקה. העתיקו את הקישור בעצמכם:',
  delete: (name: string) => `מחיקת הקישור „${name}”`,
  deleted: (name: string) => `הקישור „${name}” נמחק`,
  used: (uses: string, max: string) => `${uses} מתוך ${max} נוצלו`,
  usedUnlimited: (uses: string) => `${uses} נוצלו · ללא הגבלה`,
  copyShort: 'העתקה',
  copiedShort: 'הועתק',
  copiedLink: (name: string) => `הועתק: הקישור „${name}”`,
  createdHint: 'הקישור נוצר — העתיקו אותו כדי לשתף',
  // Issue 15: השהיה, עריכה, העתקת הזמנה.
  active: 'פעיל',
  activeSwitch: (name: string) => `הקישור „${name}” פעיל`,
  pausedAnnouncement: (name: string) => `הקישור „${name}” הושהה: הוא כבר לא מכניס אורחים`,
  resumedAnnouncement: (name: string) => `הקישור „${name}” פעיל שוב`,
  edit: (name: string) => `עריכת הקישור „${name}”`,
  invitationShort: 'הזמנה',
  copyInvitation: (name: string) => `העתקת הזמנה עבור „${name}”`,
  copiedInvitation: (name: string) => `הועתק: ההזמנה עבור „${name}”`,
  invitationCopied: 'ההזמנה הועתקה',
  created: (name: string) => `הקישור „${name}” נוצר — העתיקו אותו כדי לשתף`,
  historyButton: 'היסטוריה',
  waitingRoom: {
    title: 'חדר המתנה',
    empty: 'אין אורחים ממתינים.',
    autoNote: 'אורחים מצטרפים מיד לאחר שהזינו שם ודוא"ל.',
    viaLink: (link: string) => `דרך „${link}”`,
    arrived: (ago: string) => `הגיע/ה ${ago}`,
    admit: 'אישור',
    deny: 'דחייה',
    admitAll: 'אישור כולם',
    admitGuest: (name: string) => `אישור הכניסה של ${name}`,
    denyGuest: (name: string) => `דחייה של ${name}`,
    arrivedAnnouncement: (name: string) => `${name} ממתין/ה לאישור כניסה`,
    admitted: (count: number) => (count === 1 ? 'האורח/ת אושר/ה' : `${count} אורחים אושרו`),
    denied: (name: string) => `${name} נדחה/תה`,
    online: 'מחובר',
    offline: 'לא מחובר',
    offlineSince: (ago: string) => `לא מחובר מאז ${ago}`,
    askedAgain: (count: number) => `ביקש שוב (${count})`,
    admitNeedsAccess: 'הפעילו גישת אורחים כדי לאשר כניסה',
    lobbyMessage: 'הודעה לאורחים הממתינים',
    lobbyMessageHint: (max: string) => `עד ${max} תווים. האורחים רואים אותה בזמן ההמתנה.`,
    saveLobbyMessage: 'שמירת ההודעה',
  },
  inSession: {
    title: 'בסשן',
    note: 'הסרת אורח/ת מנתקת אותו/ה מיד. אפשר להצטרף שוב רק דרך קישור אורח שעדיין פעיל.',
    empty: 'אין אורחים בסשן.',
    joined: (ago: string) => `הצטרף/ה ${ago}`,
    remove: 'הסרה',
    removeGuest: (name: string) => `הסרה של ${name}`,
    removed: (name: string) => `${name} הוסר/ה מהסשן`,
  },
  // התראות דפדפן, ולמה החלון לא נטען (issues 12 ו-14).
  live: {
    notifyButton: 'להודיע לי כשמגיעים אורחים',
    notifyOn: 'תקבלו התראת דפדפן כשאורח/ת מגיע/ה בזמן שהכרטיסייה הזו ברקע.',
    notifyDenied: 'ההתראות חסומות לאתר הזה. אפשרו אותן בהגדרות הדפדפן כדי לקבל התראות.',
    errors: {
      originNotAllowed: (origin: string) =>
        `הדף הזה (${origin}) אינו מורשה להשתמש בשירות גישת האורחים. בקשו ממנהל המערכת להוסיף אותו למקורות המורשים של הדייר, ואז טענו מחדש.`,
      tokenUnavailable:
        'האתר לא הצליח לספק אסימון מארח. התחברו מחדש או טענו את הדף מחדש; אם זה נמשך, בקשו מבעלי האתר לבדוק את שירות האסימונים.',
      wrongRoom:
        'אסימון המארח של הדף הזה שייך לחדר אחר. טענו את הדף מחדש; אם זה נמשך, בקשו מבעלי האתר להנפיק אסימונים לחדר הזה.',
    },
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

/** What <guest-access-manager> reads in Hebrew. */
export const he: ManagerTranslation = { dir, common, manager };
