import type { InsightsOptions } from '../config/env.schema';

/** Injection token of client-insights' validated settings (config.insights). */
export const INSIGHTS_OPTIONS = Symbol('INSIGHTS_OPTIONS');
export type { InsightsOptions };

/** Where the services read "now" from. Not provided by the app (the system clock); tests pin it. */
export const INSIGHTS_CLOCK = Symbol('INSIGHTS_CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
