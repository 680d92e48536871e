// Spanish for <guest-access-manager>'s windows and knock alert: a chunk of its own, loaded with the first
// window the element shows in Spanish.
import type { Translation, WindowsTranslation } from './en.ts';
import { common, dir } from './es.common.ts';

export const windows: Translation['windows'] = {
  /** Above a link's URL when the browser refused to copy it (after the click, so with the windows). */
  copyByHand: 'Tu navegador no permitió copiar. Copia el enlace tú mismo:',
  /** Said to screen readers after the host's action or a knock (they load with the windows). */
  announcements: {
    created: (name: string) => `Enlace «${name}» creado: cópialo para compartirlo`,
    deleted: (name: string) => `Enlace «${name}» eliminado`,
    rotated: (name: string) => `«${name}» tiene una dirección nueva. Cópiala otra vez para compartirla.`,
    copied: 'Enlace copiado',
    invitationCopied: 'Invitación copiada',
    paused: (name: string) => `Enlace «${name}» en pausa: ya no deja entrar a invitados`,
    resumed: (name: string) => `Enlace «${name}» habilitado de nuevo`,
    arrived: (name: string) => `${name} espera a ser admitido`,
    arrivedInRoom: (name: string, room: string) => `${name} espera a ser admitido en ${room}`,
    admitted: (count: number) => (count === 1 ? 'Invitado admitido' : `${count} invitados admitidos`),
    denied: (name: string) => `${name} rechazado`,
    removed: (name: string) => `Se quitó a ${name} de la sesión`,
  },
  create: {
    title: 'Crear nuevo enlace',
    intro: 'Permite que cualquier persona con este enlace acceda al contenido sin iniciar sesión.',
    name: 'Nombre del enlace',
    clicks: 'N.º de clics',
    clicksHint: 'Limita cuántas veces se puede acceder con este enlace. Déjalo vacío para usos ilimitados.',
    duration: 'Duración',
    days: 'Día/s',
    cancel: 'Cancelar',
    submit: 'Crear',
    editTitle: 'Editar enlace de invitado',
    editIntro:
      'Los cambios se aplican al guardar. El enlace conserva su dirección, salvo que le des una nueva.',
    save: 'Guardar',
    expiry: 'Caducidad',
    expiryAfterDays: 'Caduca tras un número de días',
    expiryOnDate: 'Caduca en una fecha y hora',
    expiryDate: 'Caduca el',
    roomZoneHint: (zone: string) =>
      `En la zona horaria de la sala (${zone}). Déjalo vacío para que no caduque.`,
    browserZoneHint: (zone: string) => `En tu zona horaria (${zone}). Déjalo vacío para que no caduque.`,
    rules: {
      nameEmpty: 'Introduce un nombre para el enlace.',
      maxUses: (max: string) =>
        `Escribe un número entero de 1 a ${max}, o déjalo vacío para clics ilimitados.`,
      durationDays: (max: string) =>
        `Escribe un número de días de 1 a ${max}, o déjalo vacío para que el enlace no caduque.`,
      expiresAt: (max: string) =>
        `Introduce una fecha y hora futuras, como máximo a ${max} días, o déjalo vacío para un enlace que no caduca.`,
      maxUsesBelowUses: (uses: string) =>
        `Este enlace ya se usó ${uses} veces. Introduce ${uses} o más, o déjalo vacío para clics ilimitados.`,
    },
    namePlaceholder: 'p. ej., Ponentes invitados',
    durationHint: 'Déjalo vacío para que no caduque',
    expiresOn: (date: string) => `Caduca el ${date}`,
    admission: 'Admisión',
    admissionRoom: 'Seguir la configuración de la sala',
    admissionModerator: 'Los invitados esperan a un moderador',
    admissionAuto: 'Los invitados entran sin esperar',
    rotate: 'Dar a este enlace una dirección nueva',
    rotateHint:
      'La dirección actual deja de funcionar de inmediato. Los invitados que ya entraron se quedan.',
  },
  history: {
    title: 'Historial de invitados',
    link: 'Enlace',
    allLinks: 'Todos los enlaces',
    downloadCsv: 'Descargar CSV',
    name: 'Invitado',
    status: 'Estado',
    arrived: 'Llegada',
    admitted: 'Admisión',
    left: 'Salida',
    empty: 'Aún no hay invitados.',
    erased: '(borrado)',
    loadMore: 'Cargar más',
    statuses: {
      waiting: 'Esperando',
      admitted: 'Admitido',
      denied: 'Rechazado',
      left: 'Salió',
      removed: 'Quitado',
    },
  },
  confirmDelete: {
    title: '¿Eliminar este enlace?',
    body: (name: string) =>
      `«${name}» deja de funcionar en el acto. Los enlaces eliminados no se pueden restaurar.`,
    guestsStay:
      'Los invitados que ya entraron con el enlace siguen conectados hasta que actualicen la página o salgan.',
    removeGuests: 'Quitar también a los invitados que entraron con este enlace',
    cancel: 'Cancelar',
    submit: 'Eliminar',
  },
  knock: {
    alertLabel: 'Invitados esperando',
    alertLabelInRoom: (room: string) => `Invitados esperando en ${room}`,
    oneWaiting: (name: string) => `${name} está esperando`,
    manyWaiting: (count: number) => `${count} invitados están esperando`,
    view: 'Ver',
    dismiss: 'Descartar',
    notificationTitle: (name: string) => `${name} espera que lo admitan`,
    notificationBody: 'Abre la página para admitir o rechazar.',
    notificationBodyInRoom: (room: string) => `Espera en ${room}. Abre la página para admitir o rechazar.`,
    confirmAutoTitle: (count: number) =>
      count === 1 ? '¿Admitir al invitado que espera?' : `¿Admitir a los ${count} invitados que esperan?`,
    confirmAutoBody:
      'Los invitados ya no esperarán a un moderador: se admite a todos los que esperan ahora y los nuevos entran de inmediato.',
    confirmAutoSubmit: 'Admitir y dejar de moderar',
    cancel: 'Cancelar',
  },
};

/** What <guest-access-manager>'s windows read in Spanish. */
export const es: WindowsTranslation = { dir, common, windows };
