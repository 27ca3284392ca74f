// What feature modules use from the gateway's auth layer.
export * from './principal';
export * from './auth.decorators';
export { AuthGuard } from './auth.guard';
export type { StaffRole } from './auth.metadata';
