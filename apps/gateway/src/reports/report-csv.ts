import { Readable } from 'node:stream';
import {
  CommunityGridUnitReportView,
  CommunityRequestsReportView,
  CommunityWeeklyReportView,
  formatMessage,
  Locale,
  MessageKey,
  ReportCommunity,
  ReportExportView,
  REQUEST_STATUSES,
} from '@app/contracts';

type Cell = string | number | null;

/** A table to export: headings in the caller's language, then rows, produced as they are read. */
export interface CsvTable {
  header: string[];
  rows: Iterable<Cell[]>;
}

/** What spreadsheet programs would run as a formula (or hide) when a text cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): numbers as they are, text quoted when it must be,
 * and text a spreadsheet would take for a formula (a grid unit named "=HYPERLINK(…)")
 * turned back into text with a leading apostrophe (OWASP's advice on CSV injection).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Excel reads a CSV as the machine's ANSI code page unless it starts with the UTF-8 byte order mark. */
const BOM = '\uFEFF';

/** The table as a stream of UTF-8 lines, the byte order mark first: never one string of it all. */
export function csvStream(table: CsvTable): Readable {
  return Readable.from(
    (function* lines() {
      yield Buffer.from(BOM + csvLine(table.header), 'utf8');
      for (const row of table.rows) yield Buffer.from(csvLine(row), 'utf8');
    })(),
  );
}

function heading(locale: Locale) {
  return (key: MessageKey) => formatMessage(locale, key);
}

export function weeklyTable(view: CommunityWeeklyReportView, locale: Locale): CsvTable {
  const h = heading(locale);
  return {
    header: [
      h('report.column.weekStart'),
      h('report.column.days'),
      h('report.column.minutesServed'),
      h('report.column.requestsPosted'),
      h('report.column.requestsConfirmed'),
      h('report.column.medianMinutesToAccept'),
      h('report.column.activeVolunteers'),
      h('report.column.vouchersRedeemed'),
    ],
    rows: view.weeks.map((week) => [
      week.weekStart,
      week.days,
      week.minutesServed,
      week.requestsPosted,
      week.requestsConfirmed,
      week.medianMinutesToAccept,
      week.activeVolunteers,
      week.vouchersRedeemed,
    ]),
  };
}

export function gridUnitsTable(view: CommunityGridUnitReportView, locale: Locale): CsvTable {
  const h = heading(locale);
  const rest = view.withoutGridUnit;
  return {
    header: [
      h('report.column.gridUnitCode'),
      h('report.column.gridUnitName'),
      h('report.column.members'),
      h('report.column.volunteers'),
      h('report.column.priorityHouseholds'),
      h('report.column.requestsPosted'),
      h('report.column.requestsConfirmed'),
      h('report.column.minutesServedOnRequests'),
    ],
    rows: [
      ...view.gridUnits.map((unit) => [unit.code, unit.name, ...figures(unit)]),
      // Last, without a code: what names no grid unit, so each column adds up.
      [null, h('report.withoutGridUnit'), ...figures(rest)],
    ],
  };
}

function figures(row: CommunityGridUnitReportView['withoutGridUnit']): number[] {
  return [
    row.members,
    row.volunteers,
    row.priorityHouseholds,
    row.requestsPosted,
    row.requestsConfirmed,
    row.minutesServedOnRequests,
  ];
}

export function requestsTable(view: CommunityRequestsReportView, locale: Locale): CsvTable {
  const h = heading(locale);
  return {
    header: [
      h('report.column.category'),
      h('report.column.requestsPosted'),
      ...REQUEST_STATUSES.map((status) => h(`report.column.status.${status}`)),
    ],
    rows: view.categories.map((category) => [
      category.name,
      category.requestsPosted,
      ...REQUEST_STATUSES.map((status) => category.byStatus[status]),
    ]),
  };
}

/** Characters no file name may hold on Windows, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it replaces
const NOT_IN_FILE_NAMES = /[\u0000-\u001f\u007f\\/:*?"<>|]/g;

/**
 * `attachment` with an ASCII name every client understands (the community's
 * code is ASCII) and, for those that read RFC 6266/5987 (every current
 * browser), the name in UTF-8 with the community's own (Chinese) name.
 */
export function exportDisposition(
  community: ReportCommunity,
  view: ReportExportView,
  period: { from: string; to: string },
  locale: Locale,
): string {
  const days = `${period.from}_${period.to}`;
  const ascii = `report-${community.code}-${view}-${days}.csv`;
  const label = formatMessage(locale, `report.file.${view}`);
  const named = `${community.name}-${label}-${days}.csv`.replace(NOT_IN_FILE_NAMES, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(named)}`;
}

/** Percent-encoded UTF-8, leaving only RFC 5987's attr-char as they are. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
