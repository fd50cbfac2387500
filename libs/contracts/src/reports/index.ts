export * from './report.dto';
export * from './report-weeks';
export * from './weekly-report.dto';
export * from './category-report.dto';
export * from './grid-unit-report.dto';
export * from './report-export.dto';
export * from './report-period';
