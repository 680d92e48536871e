// Spanish for <guest-access-manager>: a chunk of its own, loaded when the element is set to Spanish.
import type { ManagerTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const manager: Translation['manager'] = {
  title: 'Gestionar acceso de invitados',
  intro: 'Permite el acceso mediante enlace sin iniciar sesión. Hasta 3 enlaces de invitado disponibles.',
  enable: 'Habilitar acceso de invitados',
  offNote:
    'Todos los enlaces de invitado están inactivos. Los nuevos invitados no pueden entrar con un enlace; los que ya están en la sesión siguen conectados hasta que actualicen la página o salgan.',
  admission: 'Los invitados esperan a que un moderador los admita',
  linkCount: (n: number) => (n === 1 ? '1 enlace' : `${n} enlaces`),
  createLink: 'Crear nuevo enlace',
  createNeedsAccess: 'Habilita el acceso de invitados para crear un enlace.',
  createAtLimit: (max: number) =>
    `Una sala puede tener hasta ${max} enlaces de invitado. Elimina uno para crear otro.`,
  readOnly:
    'Puedes ver los enlaces de invitado de esta sala, pero no cambiarlos: solo los usuarios autorizados pueden gestionar el acceso de invitados. Pide permiso al propietario del contenido.',
  linksCaption: 'Enlaces de invitado',
  noLinks: 'Todavía no hay enlaces de invitado.',
  linkName: 'Nombre del enlace',
  expirationDate: 'Fecha de caducidad',
  clicks: 'N.º de clics',
  actions: 'Acciones',
  status: { expired: 'Caducado', used_up: 'Agotado', paused: 'En pausa', inactive: 'Inactivo' },
  copy: (name: string) => `Copiar el enlace «${name}»`,
  delete: (name: string) => `Eliminar el enlace «${name}»`,
  used: (uses: string, max: string) => `${uses} de ${max} usados`,
  usedUnlimited: (uses: string) => `${uses} usados · ilimitado`,
  copyShort: 'Copiar',
  copiedShort: 'Copiado',
  copiedLink: (name: string) => `Copiado: enlace «${name}»`,
  createdHint: 'Enlace creado: cópialo para compartirlo',
  // Issue 15: pausar, editar, copiar la invitación.
  active: 'Activo',
  activeSwitch: (name: string) => `Enlace «${name}» activo`,
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
  inSession: {
    title: 'En la sesión',
    note: 'Al quitar a un invitado, se le desconecta de inmediato. Solo puede volver a entrar con un enlace de invitado que siga funcionando.',
    empty: 'No hay invitados en la sesión.',
    joined: (ago: string) => `entró ${ago}`,
    remove: 'Quitar',
    removeGuest: (name: string) => `Quitar a ${name}`,
  },
  // Notificaciones y por qué no se pudo cargar la ventana (issues 12 y 14).
  live: {
    notifyButton: 'Avisarme cuando lleguen invitados',
    notifyOn:
      'Recibirás una notificación del navegador cuando llegue un invitado mientras esta pestaña está en segundo plano.',
    notifyDenied:
      'Las notificaciones están bloqueadas para este sitio. Permítelas en la configuración del navegador para recibir avisos.',
    errors: {
      originNotAllowed: (origin: string) =>
        `Esta página (${origin}) no tiene permiso para usar el servicio de acceso de invitados. Pide a tu administrador que la añada a los orígenes permitidos del inquilino y vuelve a cargar.`,
      tokenUnavailable:
        'Este sitio no pudo proporcionar un token de anfitrión. Vuelve a iniciar sesión o recarga la página; si continúa, pide al responsable del sitio que revise su servicio de tokens.',
      wrongRoom:
        'El token de anfitrión de esta página es de otra sala. Recarga la página; si continúa, pide al responsable del sitio que emita tokens para esta sala.',
    },
  },
  refusal: {
    channel: 'El acceso de invitados no está disponible para las salas de tipo canal.',
    inviteToMedia:
      'El acceso de invitados requiere el módulo Invitetomedia. Pide a tu administrador que lo habilite y vuelve a cargar esta página.',
    mediaPage:
      "El acceso de invitados requiere el módulo Theming con la función 'mediapage' en 'Sí'. Pide a tu administrador que lo habilite y vuelve a cargar esta página.",
    forbidden:
      'Solo los usuarios autorizados pueden gestionar el acceso de invitados. Pide permiso al propietario del contenido.',
    expired: 'Tu sesión ha caducado. Vuelve a iniciar sesión e inténtalo de nuevo.',
    roomNotFound: 'Este contenido ya no está disponible.',
    rateLimited: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
    unexpected: 'Algo salió mal. Inténtalo de nuevo.',
  },
};

/** What <guest-access-manager> reads in Spanish. */
export const es: ManagerTranslation = { dir, common, manager };
