// Spanish for why <guest-access-manager>'s window or a host's action was refused: a chunk of its own,
// loaded with the window's body when the element is set to Spanish.
import type { FailuresTranslation, Translation } from './en.ts';
import { common, dir } from './es.common.ts';

export const failures: Translation['failures'] = {
  // Por qué se rechazó la ventana o una acción del anfitrión, y qué hacer (issue 14).
  createNeedsAccess: 'Habilita el acceso de invitados para crear un enlace.',
  createAtLimit: (max: number) =>
    `Una sala puede tener hasta ${max} enlaces de invitado. Elimina uno para crear otro.`,
  errors: {
    originNotAllowed: (origin: string) =>
      `Esta página (${origin}) no tiene permiso para usar el servicio de acceso de invitados. Pide a tu administrador que la añada a los orígenes permitidos del inquilino y vuelve a cargar.`,
    notApi:
      'El servicio de acceso de invitados no responde en la dirección de esta ventana. Pide al responsable del sitio que revise el ajuste api del elemento.',
    blockedByCsp:
      'La política de seguridad de esta página (Content-Security-Policy) no permite el servicio de acceso de invitados. Pide al responsable del sitio que lo añada a connect-src y vuelve a cargar.',
    tokenUnavailable:
      'Este sitio no pudo proporcionar un token de anfitrión. Vuelve a iniciar sesión o recarga la página; si continúa, pide al responsable del sitio que revise su servicio de tokens.',
    wrongRoom:
      'El token de anfitrión de esta página es de otra sala. Recarga la página; si continúa, pide al responsable del sitio que emita tokens para esta sala.',
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

/** What <guest-access-manager> says in Spanish when the window or a host's action is refused. */
export const es: FailuresTranslation = { dir, common, failures };
