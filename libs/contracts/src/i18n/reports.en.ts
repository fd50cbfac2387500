/**
 * The texts of the community reports' CSV exports (column headings, the row of
 * what names no grid unit, the file's name), in English. reports.zh-CN.ts has
 * the same keys; en.ts spreads them in.
 */
export const reportsEn = {
  'report.column.weekStart': 'Week starting (Monday)',
  'report.column.days': 'Days in period',
  'report.column.minutesServed': 'Minutes served',
  'report.column.requestsPosted': 'Requests posted',
  'report.column.requestsConfirmed': 'Requests confirmed',
  'report.column.medianMinutesToAccept': 'Median minutes to accept',
  'report.column.activeVolunteers': 'Active volunteers',
  'report.column.vouchersRedeemed': 'Vouchers redeemed',
  'report.column.gridUnitCode': 'Grid unit code',
  'report.column.gridUnitName': 'Grid unit',
  'report.column.members': 'Members',
  'report.column.volunteers': 'Volunteers',
  'report.column.priorityHouseholds': 'Priority households',
  'report.column.minutesServedOnRequests': 'Minutes served on requests',
  'report.column.category': 'Category',
  'report.column.status.open': 'Open',
  'report.column.status.accepted': 'Accepted',
  'report.column.status.completed': 'Completed, to confirm',
  'report.column.status.confirmed': 'Confirmed',
  'report.column.status.disputed': 'Disputed',
  'report.column.status.cancelled': 'Cancelled',
  'report.column.status.expired': 'Expired',
  'report.withoutGridUnit': 'No grid unit',
  'report.file.weekly': 'weekly',
  'report.file.grid-units': 'grid units',
  'report.file.requests': 'requests by category',
  'field.periodTooLong':
    'the period from {from} to {to} is longer than {maxDays} days: choose a shorter one',
} as const;
