// Everything of the manager that waits for the host's action or a later event, as one chunk: the windows
// a button opens and the knock alert. Fetched when the browser is idle once the room has loaded.
export { AutoAdmitDialog } from './auto-admit-dialog.ts';
export { CreateLinkDialog } from './create-link-dialog.ts';
export { DeleteLinkDialog } from './delete-link-dialog.ts';
export { HistoryDialog } from './history-dialog.ts';
export { KnockAlertView } from './knock-alert-view.ts';
export { windowStrings, windowStringsReady } from './window-strings.ts';
