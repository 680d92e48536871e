// Spanish strings both elements show, and the text direction.
import type { Translation } from './en.ts';

export const dir: Translation['dir'] = 'ltr';

export const common: Translation['common'] = {
  languageName: 'Español',
  close: 'Cerrar',
  retry: 'Reintentar',
  never: 'Nunca',
  loading: 'Cargando…',
  networkDown: 'No se puede conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  partFailed:
    'Una parte de la página no se cargó. Comprueba tu conexión y vuelve a intentarlo, o recarga la página.',
  nameRule: (max: string) =>
    `Introduce un nombre de 1 a ${max} caracteres. Usa caracteres visibles, sin marcas de formato ocultas.`,
};
