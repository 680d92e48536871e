import { define } from '../internal/define.ts';
import { GuestEntryForm } from './guest-entry-form.ts';

define('guest-entry-form', GuestEntryForm);
