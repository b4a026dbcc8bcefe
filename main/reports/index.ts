export type { ReportFormat, ReportOutcome } from './writeReport';
export { REPORT_FORMATS, reportFormatOf, writeReport } from './writeReport';
export type { ReportModel, ReportTable } from './ReportModel';
export { buildReportModel } from './ReportModel';
