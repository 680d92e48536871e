// Hebrew for <guest-entry-form>'s views after the form: a chunk of its own, loaded with those views
// when the element is set to Hebrew.
import type { StatusTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const status: Translation['status'] = {
  accessRemoved: 'הגישה למדיה זו באמצעות קישור זה הוסרה. פנו לבעלי המדיה לקבלת גישה.',
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
  reconnecting: 'החיבור נותק — מתחברים מחדש. המקום שלכם בתור נשמר.',
  askAgain: 'לבקש שוב',
  askAgainIn: (seconds: number) => `לבקש שוב בעוד ${seconds} שנ׳`,
  unavailableTitle: 'הקישור אינו זמין',
  leftMessage: 'המארח כבר לא רואה אתכם בחדר ההמתנה.',
  sessionLeftTitle: 'יצאתם מהמפגש',
  sessionLeft: 'פתחו שוב את קישור האורח כדי להצטרף מחדש.',
  offlineTitle: 'אין חיבור לשרת',
  offline: 'בדקו את החיבור ונסו שוב.',
  rateLimitedTitle: 'יותר מדי ניסיונות',
  rateLimitedWait: 'המתינו רגע ונסו שוב.',
  retryIn: (seconds: number) => `ניסיון נוסף בעוד ${seconds} שנ׳`,
};

/** What <guest-entry-form>'s views after the form read in Hebrew. */
export const he: StatusTranslation = { dir, common, status };
