// Why the window could not load, named for what went wrong and what to do; the API's own refusals
// keep their wording (refusal.ts).
import type { ApiRequestError } from '../internal/api-client.ts';
import type { FailuresTranslation } from '../locales/en.ts';
import { describeRefusal } from './refusal.ts';

export function describeFailure(error: ApiRequestError, t: FailuresTranslation): string {
  const errors = t.failures.errors;
  switch (error.code) {
    case 'origin_not_allowed':
      return errors.originNotAllowed(location.origin);
    case 'blocked_by_csp':
      return errors.blockedByCsp;
    case 'not_api':
      return errors.notApi;
    case 'token_unavailable':
      return errors.tokenUnavailable;
    case 'wrong_room':
      return errors.wrongRoom;
    default:
      return describeRefusal(error, t);
  }
}
