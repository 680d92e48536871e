import { define } from '../internal/define.ts';
import { GuestAccessManager } from './guest-access-manager.ts';

define('guest-access-manager', GuestAccessManager);
