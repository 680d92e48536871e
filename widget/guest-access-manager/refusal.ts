// Turns an API refusal into the sentence the host reads: what happened and what to do next.
import { ApiRequestError } from '../internal/api-client.ts';
import type { FailuresTranslation } from '../locales/en.ts';

export function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError('network', 0, String(error));
}

/** `module_disabled` names the module in its message or fields; the Theming one is `theming.mediaPage`. */
function missingModule(error: ApiRequestError): 'inviteToMedia' | 'mediaPage' {
  const said = `${error.message} ${Object.keys(error.fields).join(' ')} ${Object.values(error.fields).join(' ')}`;
  return /theming|mediapage/i.test(said) ? 'mediaPage' : 'inviteToMedia';
}

/**
 * Whether trying again can help: not for a channel room, a module off, a missing permission or a
 * removed room, which only someone else can change (they would just offer a button that never works).
 */
export const canRetry = (error: ApiRequestError): boolean =>
  !['unsupported_room_type', 'module_disabled', 'forbidden', 'room_not_found', 'not_found'].includes(
    error.code,
  );

/** In the words of failure-strings.ts, which load with the window's body (and so before its windows). */
export function describeRefusal(error: ApiRequestError, t: FailuresTranslation, maxLinks = 3): string {
  const refusal = t.failures.refusal;
  switch (error.code) {
    case 'unsupported_room_type':
      return refusal.channel;
    case 'module_disabled':
      return refusal[missingModule(error)];
    case 'forbidden':
      return refusal.forbidden;
    case 'unauthorized':
      return refusal.expired;
    case 'room_not_found':
    case 'not_found':
      return refusal.roomNotFound;
    case 'rate_limited':
      return refusal.rateLimited;
    case 'link_limit_reached':
      return t.failures.createAtLimit(maxLinks);
    case 'guest_access_disabled':
      return t.failures.createNeedsAccess;
    case 'network':
      return t.common.networkDown;
    case 'part_failed':
      return t.common.partFailed;
    default:
      return refusal.unexpected;
  }
}
