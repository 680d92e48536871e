// The script-tag entry: registers both elements. Each element also has a bundle of its own.
import './guest-access-manager/define.ts';
import './guest-entry-form/define.ts';

export { GuestAccessManager } from './guest-access-manager/guest-access-manager.ts';
export { GuestEntryForm } from './guest-entry-form/guest-entry-form.ts';
export * from './internal/api-client.ts';
export type * from './internal/events.ts';
