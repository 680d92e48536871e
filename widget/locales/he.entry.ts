// Hebrew for <guest-entry-form>: a chunk of its own, loaded when the element is set to Hebrew.
import type { EntryTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const entry: Translation['entry'] = {
  name: 'שם',
  email: 'דוא"ל',
  pageTitle: 'גישת אורחים',
  language: 'שפה',
  intro: 'הזינו שם וכתובת דוא"ל כדי להצטרף למפגש.',
  emailPurpose: 'משמש לזיהוי בלבד.',
  submit: 'הצטרפות',
  joining: 'מצטרפים…',
  nameRequired: 'הזינו את שמכם.',
  emailRequired: 'הזינו את כתובת הדוא"ל שלכם.',
  emailInvalid: 'הזינו כתובת דוא"ל תקינה, למשל name@example.com.',
  rateLimited: 'יותר מדי ניסיונות. המתינו רגע ונסו שוב.',
  failed: 'משהו השתבש. נסו שוב.',
  liveNow: 'בשידור חי',
  startsIn: (duration: string) => `מתחיל בעוד ${duration}`,
  ended: 'הסתיים',
};

/** What <guest-entry-form> reads in Hebrew. */
export const he: EntryTranslation = { dir, common, entry };
