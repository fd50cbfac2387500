import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../common/validators';
import { CommunityReportQueryDto } from './report.dto';

/** What a CSV export holds: the weekly series, the grid units or the requests by category. */
export const REPORT_EXPORT_VIEWS = ['weekly', 'grid-units', 'requests'] as const;
export type ReportExportView = (typeof REPORT_EXPORT_VIEWS)[number];

export class CommunityReportExportQueryDto extends CommunityReportQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_EXPORT_VIEWS,
    default: 'weekly',
    description:
      'weekly: GET …/weekly, a row a week; grid-units: GET …/grid-units, a row a grid unit and ' +
      'one for what names none; requests: GET …/requests, a row a category, a column a status',
  })
  @Optional()
  @IsIn(REPORT_EXPORT_VIEWS)
  view?: ReportExportView;
}
