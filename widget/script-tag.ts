// The script-tag bundle (dist/guest-access.js, served as /assets/guest-access.js): registers both elements.
// The package's root (index.ts) adds the typed API client; this bundle does not carry it: it has a bundle of its
// own (dist/client.js), a script tag cannot import it, and every page would load it first.
import './guest-access-manager/define.ts';
import './guest-entry-form/define.ts';

export { GuestAccessManager } from './guest-access-manager/guest-access-manager.ts';
export { GuestEntryForm } from './guest-entry-form/guest-entry-form.ts';
