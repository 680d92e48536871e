// Hebrew strings both elements show, and the text direction.
import type { Translation } from './en.ts';

export const dir: Translation['dir'] = 'rtl';

export const common: Translation['common'] = {
  languageName: 'עברית',
  close: 'סגירה',
  retry: 'ניסיון נוסף',
  never: 'אף פעם',
  loading: 'טוען…',
  networkDown: 'אין חיבור לשרת. בדקו את החיבור ונסו שוב.',
  partFailed: 'חלק מהדף לא נטען. בדקו את החיבור ונסו שוב, או טענו את הדף מחדש.',
  nameRule: (max: string) =>
    `הזינו שם באורך 1 עד ${max} תווים. השתמשו בתווים גלויים, ללא סימני עיצוב נסתרים.`,
};
