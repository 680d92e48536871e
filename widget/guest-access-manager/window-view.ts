// The window's content once the room has loaded (guest access switches, the links table, the waiting
// room and the guests in the session) with its styles: a chunk of its own, so a page whose window is
// still closed loads none of it before the browser is idle (inline, it starts loading at once).
export { contentStrings, contentStringsReady } from './content-strings.ts';
export { renderLinkSettings } from './link-settings.ts';
export { renderWaitingRoom } from './waiting-room.ts';
export { windowViewStyles as styles } from './window-view.styles.ts';
