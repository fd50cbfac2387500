/**
 * The report's CSV export, saved as a file. A plain link cannot carry the
 * Authorization header, so the file is fetched with the member's token (through
 * the one API client, which also refreshes an expired token) and handed to the
 * browser as a Blob under the name the API gives in Content-Disposition.
 */
import { api } from '@/api/client';
import type { Period } from './period';

export type ExportView = 'weekly' | 'grid-units' | 'requests';

/** The file name of a Content-Disposition header: the UTF-8 filename* first (RFC 6266). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: the plain filename below still names it.
    }
  }
  const plain =
    /filename\s*=\s*"([^"]+)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches the export and saves it; resolves with the file's name. Throws an ApiProblem. */
export async function downloadReportCsv(
  communityId: string,
  period: Period,
  view: ExportView,
): Promise<string> {
  let disposition: string | null = null;
  const blob = await api(async (c) => {
    const answer = await c.GET('/api/v1/reports/communities/{id}/export.csv', {
      params: { path: { id: communityId }, query: { from: period.from, to: period.to, view } },
      parseAs: 'blob',
    });
    disposition = answer.response.headers.get('content-disposition');
    return answer;
  });
  const name = fileNameOf(disposition, `report-${view}-${period.from}_${period.to}.csv`);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the browser's download; a moment later it may go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
