// Hebrew for <guest-entry-form>: a chunk of its own, loaded when the element is set to Hebrew.
import type { EntryTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const entry: Translation['entry'] = {
  name: 'שם',
  email: 'דוא"ל',
  accessRemoved: 'הגישה למדיה זו באמצעות קישור זה הוסרה. פנו לבעלי המדיה לקבלת גישה.',
  pageTitle: 'גישת אורחים',
  language: 'שפה',
  intro: 'הזינו שם וכתובת דוא"ל כדי להצטרף למפגש.',
  emailPurpose: 'משמש לזיהוי בלבד.',
  submit: 'הצטרפות',
  joining: 'מצטרפים…',
  nameRequired: 'הזינו את שמכם.',
  nameInvalid: 'הזינו שם באורך 1 עד 80 תווים. השתמשו בתווים גלויים, ללא סימני עיצוב נסתרים.',
  emailRequired: 'הזינו את כתובת הדוא"ל שלכם.',
  emailInvalid: 'הזינו כתובת דוא"ל תקינה, למשל name@example.com.',
  rateLimited: 'יותר מדי ניסיונות. המתינו רגע ונסו שוב.',
  failed: 'משהו השתבש. נסו שוב.',
  waitingTitle: 'ממתינים לאישור כניסה',
  leave: 'יציאה',
  leftTitle: 'יצאתם מחדר ההמתנה',
  joinAgain: 'הצטרפות מחדש',
  admittedTitle: 'נכנסתם',
  admitted: 'מעבירים אתכם למפגש…',
  deniedTitle: 'הכניסה לא אושרה',
  denied: 'המארח לא אישר את כניסתכם למפגש זה.',
  removedTitle: 'הוצאתם מהמפגש',
  removed: 'מנחה הוציא אתכם מהמפגש.',
  joiningAs: (name: string) => `מצטרפים בשם ${name}`,
  notYou: 'לא אתם?',
  hostPresent: 'המארח קיבל הודעה.',
  hostAbsent: 'המארח עוד לא הצטרף — תוכלו להיכנס כשיגיע.',
  lobbyMessageLabel: 'הודעה מהמארח',
  position: (place: number) => (place === 1 ? 'אתם הבאים בתור.' : `אתם במקום ${place} בתור.`),
  waited: (minutes: number) => (minutes < 1 ? 'ממתינים פחות מדקה.' : `ממתינים ${minutes} דק׳.`),
  askAgain: 'לבקש שוב',
  askAgainIn: (seconds: number) => `לבקש שוב בעוד ${seconds} שנ׳`,
  unavailableTitle: 'הקישור אינו זמין',
};

/** What <guest-entry-form> reads in Hebrew. */
export const he: EntryTranslation = { dir, common, entry };
