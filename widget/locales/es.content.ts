// Spanish for <guest-access-manager>'s window content: a chunk of its own, loaded with that content
// when the element is set to Spanish.
import type { ContentTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const content: Translation['content'] = {
  enable: 'Habilitar acceso de invitados',
  offNote:
    'Todos los enlaces de invitado están inactivos. Los nuevos invitados no pueden entrar con un enlace; los que ya están en la sesión siguen conectados hasta que actualicen la página o salgan.',
  admission: 'Los invitados esperan a que un moderador los admita',
  linkCount: (n: number) => (n === 1 ? '1 enlace' : `${n} enlaces`),
  createLink: 'Crear nuevo enlace',
  readOnly:
    'Puedes ver los enlaces de invitado de esta sala, pero no cambiarlos: solo los usuarios autorizados pueden gestionar el acceso de invitados. Pide permiso al propietario del contenido.',
  linksCaption: 'Enlaces de invitado',
  noLinks: 'Todavía no hay enlaces de invitado.',
  linkName: 'Nombre del enlace',
  expirationDate: 'Fecha de caducidad',
  clicks: 'N.º de clics',
  actions: 'Acciones',
  admissionChip: { moderator: 'Espera a un moderador', auto: 'Entra directamente' },
  status: { expired: 'Caducado', used_up: 'Agotado', paused: 'En pausa', inactive: 'Inactivo' },
  copy: (name: string) => `Copiar el enlace «${name}»`,
  delete: (name: string) => `Eliminar el enlace «${name}»`,
  used: (uses: string, max: string) => `${uses}\u00a0de\u00a0${max} usados`,
  usedUnlimited: (uses: string): [string, string] => [`${uses} usados`, 'ilimitado'],
  copyShort: 'Copiar',
  copiedShort: 'Copiado',
  copiedLink: (name: string) => `Copiado: enlace «${name}»`,
  createdHint: 'Enlace creado: cópialo para compartirlo',
  // Issue 15: pausar, editar, copiar la invitación.
  enableLink: 'Habilitar',
  enableLinkSwitch: (name: string) => `Habilitar el enlace «${name}»`,
  edit: (name: string) => `Editar el enlace «${name}»`,
  invitationShort: 'Invitación',
  copyInvitation: (name: string) => `Copiar la invitación de «${name}»`,
  copiedInvitation: (name: string) => `Copiado: invitación de «${name}»`,
  historyButton: 'Historial',
  waitingRoom: {
    title: 'Sala de espera',
    empty: 'No hay invitados esperando.',
    autoNote: 'Los invitados entran en cuanto escriben su nombre y correo electrónico.',
    viaLink: (link: string) => `con «${link}»`,
    arrived: (ago: string) => `llegó ${ago}`,
    admit: 'Admitir',
    deny: 'Rechazar',
    admitAll: 'Admitir a todos',
    admitGuest: (name: string) => `Admitir a ${name}`,
    denyGuest: (name: string) => `Rechazar a ${name}`,
    online: 'conectado',
    offline: 'desconectado',
    offlineSince: (ago: string) => `desconectado desde ${ago}`,
    askedAgain: (count: number) => `volvió a pedir (${count})`,
    admitNeedsAccess: 'Activa el acceso de invitados para admitir',
    lobbyMessage: 'Mensaje para los invitados en espera',
    lobbyMessageHint: (max: string) => `Hasta ${max} caracteres. Los invitados lo ven mientras esperan.`,
    saveLobbyMessage: 'Guardar mensaje',
  },
  // La invitación a recibir notificaciones del navegador en la sala de espera (issue 12).
  notify: {
    button: 'Avisarme cuando lleguen invitados',
    on: 'Recibirás una notificación del navegador cuando llegue un invitado mientras esta pestaña está en segundo plano.',
    denied:
      'Las notificaciones están bloqueadas para este sitio. Permítelas en la configuración del navegador para recibir avisos.',
    framed:
      'Aquí no se pueden usar las notificaciones del navegador: los navegadores las bloquean en una página enmarcada por otro sitio.',
  },
  inSession: {
    title: 'En la sesión',
    note: 'Al quitar a un invitado, se le desconecta de inmediato. Solo puede volver a entrar con un enlace de invitado que siga funcionando.',
    empty: 'No hay invitados en la sesión.',
    joined: (ago: string) => `entró ${ago}`,
    remove: 'Quitar',
    removeGuest: (name: string) => `Quitar a ${name}`,
  },
};

/** What <guest-access-manager>'s window content reads in Spanish. */
export const es: ContentTranslation = { dir, common, content };
