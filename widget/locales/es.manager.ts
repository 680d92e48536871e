// Spanish for <guest-access-manager>: a chunk of its own, loaded when the element is set to Spanish.
import type { ManagerTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const manager: Translation['manager'] = {
  title: 'Gestionar acceso de invitados',
  intro: 'Permite el acceso mediante enlace sin iniciar sesión. Hasta 3 enlaces de invitado disponibles.',
  // La conexión en vivo (issue 12).
  live: {
    reconnecting: 'Se perdió la conexión; reconectando. Lo que ves puede no estar al día.',
  },
};

/** What <guest-access-manager> reads in Spanish. */
export const es: ManagerTranslation = { dir, common, manager };
