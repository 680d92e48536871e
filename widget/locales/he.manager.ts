// Hebrew for <guest-access-manager>: a chunk of its own, loaded when the element is set to Hebrew.
import type { ManagerTranslation, Translation } from './en.ts';
import { common, dir } from './he.common.ts';

export const manager: Translation['manager'] = {
  title: 'ניהול גישת אורחים',
  intro: 'אפשרו גישה באמצעות קישור ללא התחברות. עד 3 קישורי אורח זמינים.',
  // החיבור החי (issue 12).
  live: {
    reconnecting: 'החיבור נותק — מתחברים מחדש. ייתכן שהמוצג כאן אינו עדכני.',
  },
};

/** What <guest-access-manager> reads in Hebrew. */
export const he: ManagerTranslation = { dir, common, manager };
