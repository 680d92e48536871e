import type { Translation } from './en.ts';

export const es: Translation = {
  dir: 'ltr',
  common: {
    languageName: 'Español',
    close: 'Cerrar',
    retry: 'Reintentar',
    never: 'Nunca',
    loading: 'Cargando…',
    networkDown: 'No se puede conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  },
  manager: {
    title: 'Gestionar acceso de invitados',
    intro: 'Permite el acceso mediante enlace sin iniciar sesión. Hasta 3 enlaces de invitado disponibles.',
    enable: 'Habilitar acceso de invitados',
    linkCount: (n: number) => (n === 1 ? '1 enlace' : `${n} enlaces`),
    createLink: 'Crear nuevo enlace',
    linkName: 'Nombre del enlace',
    expirationDate: 'Fecha de caducidad',
    clicks: 'N.º de clics',
    actions: 'Acciones',
  },
  entry: {
    name: 'Nombre',
    email: 'Correo electrónico',
    accessRemoved:
      'Se ha retirado el acceso a este contenido mediante este enlace. Ponte en contacto con el propietario del contenido para obtener acceso.',
  },
};
