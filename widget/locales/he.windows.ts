// Hebrew for <guest-access-manager>'s windows and knock alert: a chunk of its own, loaded with the first
// window the element shows in Hebrew.
import type { Translation, WindowsTranslation } from './en.ts';
import { common, dir } from './he.common.ts';

export const windows: Translation['windows'] = {
  /** Above a link's URL when the browser refused to copy it (after the click, so with the windows). */
  copyByHand: 'הדפדפן לא איפשר העתקה. העתיקו את הקישור בעצמכם:',
  /** Said to screen readers after the host's action or a knock (they load with the windows). */
  announcements: {
    created: (name: string) => `הקישור „${name}” נוצר — העתיקו אותו כדי לשתף`,
    deleted: (name: string) => `הקישור „${name}” נמחק`,
    rotated: (name: string) => `לקישור „${name}” יש כתובת חדשה. העתיקו אותו שוב כדי לשתף.`,
    copied: 'הקישור הועתק',
    invitationCopied: 'ההזמנה הועתקה',
    paused: (name: string) => `הקישור „${name}” הושהה: הוא כבר לא מכניס אורחים`,
    resumed: (name: string) => `הקישור „${name}” הופעל שוב`,
    arrived: (name: string) => `${name} ממתין/ה לאישור כניסה`,
    arrivedInRoom: (name: string, room: string) => `${name} ממתין/ה לאישור כניסה לחדר ${room}`,
    admitted: (count: number) => (count === 1 ? 'האורח/ת אושר/ה' : `${count} אורחים אושרו`),
    denied: (name: string) => `${name} נדחה/תה`,
    removed: (name: string) => `${name} הוסר/ה מהסשן`,
  },
  create: {
    title: 'יצירת קישור חדש',
    intro: 'אפשרו לכל מי שיש לו את הקישור לגשת למדיה ללא התחברות.',
    name: 'שם הקישור',
    clicks: 'מספר לחיצות',
    clicksHint: 'הגבילו כמה פעמים אפשר להיכנס דרך הקישור. השאירו ריק ללא הגבלה.',
    duration: 'משך',
    days: 'ימים',
    cancel: 'ביטול',
    submit: 'יצירה',
    editTitle: 'עריכת קישור אורח',
    editIntro: 'השינויים חלים עם השמירה. הקישור שומר על הכתובת שלו, אלא אם תיתנו לו כתובת חדשה.',
    save: 'שמירה',
    expiry: 'תפוגה',
    expiryAfterDays: 'פג תוקף אחרי מספר ימים',
    expiryOnDate: 'פג תוקף בתאריך ושעה',
    expiryDate: 'פג תוקף ב־',
    roomZoneHint: (zone: string) => `באזור הזמן של החדר (${zone}). השאירו ריק לקישור ללא תפוגה.`,
    browserZoneHint: (zone: string) => `באזור הזמן שלך (${zone}). השאירו ריק לקישור ללא תפוגה.`,
    rules: {
      nameEmpty: 'הזינו שם לקישור.',
      maxUses: (max: string) => `הזינו מספר שלם בין 1 ל-${max}, או השאירו ריק ללא הגבלת לחיצות.`,
      durationDays: (max: string) => `הזינו מספר ימים שלם בין 1 ל-${max}, או השאירו ריק לקישור שאינו פג.`,
      expiresAt: (max: string) =>
        `הזינו תאריך ושעה בעתיד, עד ${max} ימים קדימה, או השאירו ריק לקישור ללא תפוגה.`,
      maxUsesBelowUses: (uses: string) =>
        `הקישור כבר שומש ${uses} פעמים. הזינו ${uses} או יותר, או השאירו ריק למספר לחיצות בלתי מוגבל.`,
    },
    namePlaceholder: 'לדוגמה: דוברים אורחים',
    durationHint: 'השאירו ריק לקישור שאינו פג',
    expiresOn: (date: string) => `תפוגה: ${date}`,
    admission: 'כניסה',
    admissionRoom: 'לפי הגדרת החדר',
    admissionModerator: 'האורחים ממתינים למנחה',
    admissionAuto: 'האורחים נכנסים בלי להמתין',
    rotate: 'כתובת חדשה לקישור הזה',
    rotateHint: 'הכתובת הנוכחית תפסיק לעבוד מיד. אורחים שכבר נכנסו יישארו.',
  },
  history: {
    title: 'היסטוריית אורחים',
    link: 'קישור',
    allLinks: 'כל הקישורים',
    downloadCsv: 'הורדת CSV',
    name: 'אורח',
    status: 'סטטוס',
    arrived: 'הגיע/ה',
    admitted: 'אושר/ה',
    left: 'יצא/ה',
    empty: 'עדיין אין אורחים.',
    erased: '(נמחק)',
    loadMore: 'טעינת עוד',
    statuses: { waiting: 'ממתין/ה', admitted: 'אושר/ה', denied: 'נדחה/תה', left: 'יצא/ה', removed: 'הוסר/ה' },
  },
  confirmDelete: {
    title: 'למחוק את הקישור?',
    body: (name: string) => `„${name}” יפסיק לפעול מיד. לא ניתן לשחזר קישורים שנמחקו.`,
    guestsStay: 'אורחים שכבר הצטרפו באמצעות הקישור נשארים מחוברים עד שירעננו את הדף או יצאו.',
    removeGuests: 'להסיר גם את האורחים שהצטרפו דרך הקישור הזה',
    cancel: 'ביטול',
    submit: 'מחיקה',
  },
  knock: {
    alertLabel: 'אורחים ממתינים',
    alertLabelInRoom: (room: string) => `אורחים ממתינים בחדר ${room}`,
    oneWaiting: (name: string) => `${name} ממתין/ה`,
    manyWaiting: (count: number) => `${count} אורחים ממתינים`,
    view: 'הצגה',
    dismiss: 'סגירה',
    notificationTitle: (name: string) => `${name} ממתין/ה לאישור כניסה`,
    notificationBody: 'פתחו את הדף כדי לאשר או לדחות.',
    notificationBodyInRoom: (room: string) => `ממתין/ה בחדר ${room}. פתחו את הדף כדי לאשר או לדחות.`,
    confirmAutoTitle: (count: number) =>
      count === 1 ? 'לאשר את האורח/ת הממתין/ה?' : `לאשר את ${count} האורחים הממתינים?`,
    confirmAutoBody: 'אורחים לא ימתינו עוד למנחה: כל מי שממתין עכשיו יאושר, ואורחים חדשים יצטרפו מיד.',
    confirmAutoSubmit: 'לאשר ולהפסיק להנחות',
    cancel: 'ביטול',
  },
};

/** What <guest-access-manager>'s windows read in Hebrew. */
export const he: WindowsTranslation = { dir, common, windows };
