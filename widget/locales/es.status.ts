// Spanish for <guest-entry-form>'s views after the form: a chunk of its own, loaded with those views
// when the element is set to Spanish.
import type { StatusTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const status: Translation['status'] = {
  accessRemoved:
    'Se ha retirado el acceso a este contenido mediante este enlace. Ponte en contacto con el propietario del contenido para obtener acceso.',
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
  reconnecting: 'Se perdió la conexión; reconectando. Conservas tu lugar en la fila.',
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
  retryIn: (seconds: number) => `Reintentar en ${seconds} s`,
};

/** What <guest-entry-form>'s views after the form read in Spanish. */
export const es: StatusTranslation = { dir, common, status };
