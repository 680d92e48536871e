/**
 * What lit's `live()` directive does, without its code, for the few controls that need it: called after
 * each render, it makes the control show the model's value again where the user changed it and the
 * model did not follow (a switch whose change the server refused or has yet to confirm).
 */
export function setLive<K extends 'checked' | 'value'>(
  control: HTMLInputElement | null,
  key: K,
  value: HTMLInputElement[K],
): void {
  if (control && control[key] !== value) control[key] = value;
}
