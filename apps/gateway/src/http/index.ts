// What feature modules use from the gateway's HTTP layer.
export * from './problem.exception';
export * from './rpc-call';
export * from './rpc-problem';
export * from './validation';
export { TenantSettingsCache, type TenantSettings } from './tenant-settings.cache';
