export * from './report.dto';
