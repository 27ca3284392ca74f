import type { NotifierOptions } from '../config/env.schema';

/** Injection token of the notifier's validated settings (config.notifier). */
export const NOTIFIER_OPTIONS = Symbol('NOTIFIER_OPTIONS');
export type { NotifierOptions };
