// Hebrew for <guest-access-manager>'s window content: a chunk of its own, loaded with that content
// when the element is set to Hebrew.
import type { ContentTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const content: Translation['content'] = {
  enable: 'הפעלת גישת אורחים',
  offNote:
    'כל קישורי האורח אינם פעילים. אורחים חדשים לא יכולים להצטרף באמצעות קישור; אורחים שכבר נמצאים בסשן נשארים מחוברים עד שירעננו את הדף או יצאו.',
  admission: 'אורחים ממתינים שמנחה יאשר את כניסתם',
  linkCount: (n: number) => (n === 1 ? 'קישור אחד' : `${n} קישורים`),
  createLink: 'יצירת קישור חדש',
  readOnly:
    'אתם יכולים לראות את קישורי האורח של החדר אבל לא לשנות אותם: רק משתמשים מורשים יכולים לנהל גישת אורחים. בקשו הרשאה מבעלי המדיה.',
  linksCaption: 'קישורי אורח',
  noLinks: 'עדיין אין קישורי אורח.',
  linkName: 'שם הקישור',
  expirationDate: 'תאריך תפוגה',
  clicks: 'מספר לחיצות',
  actions: 'פעולות',
  admissionChip: { moderator: 'ממתין למנחה', auto: 'כניסה ישירה' },
  status: { expired: 'פג תוקף', used_up: 'מוצה', paused: 'מושהה', inactive: 'לא פעיל' },
  copy: (name: string) => `העתקה של הקישור „${name}”`,
  delete: (name: string) => `מחיקת הקישור „${name}”`,
  used: (uses: string, max: string) => `${uses}\u00a0מתוך\u00a0${max} נוצלו`,
  usedUnlimited: (uses: string): [string, string] => [`${uses} נוצלו`, 'ללא\u00a0הגבלה'],
  copyShort: 'העתקה',
  copiedShort: 'הועתק',
  copiedLink: (name: string) => `הועתק: הקישור „${name}”`,
  createdHint: 'הקישור נוצר — העתיקו אותו כדי לשתף',
  // Issue 15: השהיה, עריכה, העתקת הזמנה.
  enableLink: 'הפעלה',
  enableLinkSwitch: (name: string) => `הפעלת הקישור „${name}”`,
  edit: (name: string) => `עריכת הקישור „${name}”`,
  invitationShort: 'הזמנה',
  copyInvitation: (name: string) => `העתקת הזמנה עבור „${name}”`,
  copiedInvitation: (name: string) => `הועתק: ההזמנה עבור „${name}”`,
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
    online: 'מחובר',
    offline: 'לא מחובר',
    offlineSince: (ago: string) => `לא מחובר מאז ${ago}`,
    askedAgain: (count: number) => `ביקש שוב (${count})`,
    admitNeedsAccess: 'הפעילו גישת אורחים כדי לאשר כניסה',
    lobbyMessage: 'הודעה לאורחים הממתינים',
    lobbyMessageHint: (max: string) => `עד ${max} תווים. האורחים רואים אותה בזמן ההמתנה.`,
    saveLobbyMessage: 'שמירת ההודעה',
  },
  // ההצעה לקבל התראות דפדפן בחדר ההמתנה (issue 12).
  notify: {
    button: 'להודיע לי כשמגיעים אורחים',
    on: 'תקבלו התראת דפדפן כשאורח/ת מגיע/ה בזמן שהכרטיסייה הזו ברקע.',
    denied: 'ההתראות חסומות לאתר הזה. אפשרו אותן בהגדרות הדפדפן כדי לקבל התראות.',
    framed: 'לא ניתן להשתמש כאן בהתראות דפדפן: דפדפנים חוסמים אותן בדף שמוטמע באתר אחר.',
  },
  inSession: {
    title: 'בסשן',
    note: 'הסרת אורח/ת מנתקת אותו/ה מיד. אפשר להצטרף שוב רק דרך קישור אורח שעדיין פעיל.',
    empty: 'אין אורחים בסשן.',
    joined: (ago: string) => `הצטרף/ה ${ago}`,
    remove: 'הסרה',
    removeGuest: (name: string) => `הסרה של ${name}`,
  },
};

/** What <guest-access-manager>'s window content reads in Hebrew. */
export const he: ContentTranslation = { dir, common, content };
