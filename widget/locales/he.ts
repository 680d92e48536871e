import type { Translation } from './en.ts';

export const he: Translation = {
  dir: 'rtl',
  common: {
    languageName: 'עברית',
    close: 'סגירה',
    retry: 'ניסיון נוסף',
    never: 'אף פעם',
    loading: 'טוען…',
    networkDown: 'אין חיבור לשרת. בדקו את החיבור ונסו שוב.',
  },
  manager: {
    title: 'ניהול גישת אורחים',
    intro: 'אפשרו גישה באמצעות קישור ללא התחברות. עד 3 קישורי אורח זמינים.',
    enable: 'הפעלת גישת אורחים',
    linkCount: (n: number) => (n === 1 ? 'קישור אחד' : `${n} קישורים`),
    createLink: 'יצירת קישור חדש',
    linkName: 'שם הקישור',
    expirationDate: 'תאריך תפוגה',
    clicks: 'מספר לחיצות',
    actions: 'פעולות',
  },
  entry: {
    name: 'שם',
    email: 'דוא"ל',
    accessRemoved: 'הגישה למדיה זו באמצעות קישור זה הוסרה. פנו לבעלי המדיה לקבלת גישה.',
  },
};
