// Spanish for <guest-entry-form>: a chunk of its own, loaded when the element is set to Spanish.
import type { EntryTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const entry: Translation['entry'] = {
  name: 'Nombre',
  email: 'Correo electrónico',
  accessRemoved:
    'Se ha retirado el acceso a este contenido mediante este enlace. Ponte en contacto con el propietario del contenido para obtener acceso.',
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
  waitingTitle: 'Esperando a ser admitido',
  leave: 'Salir',
  leftTitle: 'Has salido de la sala de espera',
  joinAgain: 'Volver a unirse',
  admittedTitle: 'Ya estás dentro',
  admitted: 'Llevándote a la sesión…',
  deniedTitle: 'No se te ha admitido',
  denied: 'El anfitrión no te ha dejado entrar en esta sesión.',
  removedTitle: 'Se te ha expulsado',
  removed: 'Un moderador te ha expulsado de la sesión.',
  joiningAs: (name: string) => `Te unes como ${name}`,
  notYou: '¿No eres tú?',
  hostPresent: 'Se ha avisado al anfitrión.',
  hostAbsent: 'El anfitrión aún no ha llegado: te dejarán entrar cuando llegue.',
  lobbyMessageLabel: 'Mensaje del anfitrión',
  position: (place: number) => (place === 1 ? 'Eres el siguiente.' : `Eres el número ${place} de la fila.`),
  waited: (minutes: number) =>
    minutes < 1 ? 'Esperando desde hace menos de un minuto.' : `Esperando desde hace ${minutes} min.`,
  askAgain: 'Volver a pedir',
  askAgainIn: (seconds: number) => `Volver a pedir en ${seconds} s`,
  unavailableTitle: 'Enlace no disponible',
  leftMessage: 'El anfitrión ya no te ve en la sala de espera.',
  sessionLeftTitle: 'Has salido de la sesión',
  sessionLeft: 'Vuelve a abrir tu enlace de invitado para entrar de nuevo.',
  offlineTitle: 'No se puede conectar con el servidor',
  offline: 'Comprueba tu conexión y vuelve a intentarlo.',
  rateLimitedTitle: 'Demasiados intentos',
  rateLimitedWait: 'Espera un momento y vuelve a intentarlo.',
  liveNow: 'En directo',
  startsIn: (duration: string) => `Empieza en ${duration}`,
  ended: 'Finalizada',
  retryIn: (seconds: number) => `Reintentar en ${seconds} s`,
};

/** What <guest-entry-form> reads in Spanish. */
export const es: EntryTranslation = { dir, common, entry };
