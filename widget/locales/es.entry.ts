// Spanish for <guest-entry-form>: a chunk of its own, loaded when the element is set to Spanish.
import type { EntryTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const entry: Translation['entry'] = {
  name: 'Nombre',
  email: 'Correo electrónico',
  pageTitle: 'Acceso de invitados',
  language: 'Idioma',
  intro: 'Introduce tu nombre y tu correo electrónico para unirte a la sesión.',
  emailPurpose: 'Solo se usa para identificarte.',
  submit: 'Unirse',
  joining: 'Uniéndote…',
  nameRequired: 'Introduce tu nombre.',
  emailRequired: 'Introduce tu correo electrónico.',
  emailInvalid: 'Introduce un correo electrónico válido, como nombre@ejemplo.com.',
  rateLimited: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.',
  failed: 'Algo salió mal. Inténtalo de nuevo.',
  liveNow: 'En directo',
  startsIn: (duration: string) => `Empieza en ${duration}`,
  ended: 'Finalizada',
};

/** What <guest-entry-form> reads in Spanish. */
export const es: EntryTranslation = { dir, common, entry };
