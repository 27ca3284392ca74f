import type { TenantToolSettings, ToolResult } from '@parley/contracts';

/** store_hours answered from the tool's own settings (no integration): the week's hours, no bookable slots. */
export function storeHoursFromSettings(settings: TenantToolSettings): ToolResult<'store_hours'> {
  return {
    timezone: settings.timezone ?? 'UTC',
    hours: [...(settings.hours ?? [])].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    slots: [],
    closedDates: [...(settings.closedDates ?? [])].sort(),
  };
}
