// `@parley/contracts/calendar`: tenant-local days and billing periods, one definition for every
// service that keys data by a tenant's local day (usage_daily, rollups, quota periods).
export * from './local-time.util';
export * from './billing-period.util';
