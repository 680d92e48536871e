// The package's root (`guest-access-elements`): both elements registered, as by the script tag
// (script-tag.ts), with the typed API client and the elements' event types for an app's own code.

export * from './internal/api-client.ts';
export type * from './internal/events.ts';
export * from './script-tag.ts';
