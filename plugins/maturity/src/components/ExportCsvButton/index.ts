export { ExportCsvButton, CSV_FILE_NAME } from './ExportCsvButton';
export type { ExportCsvButtonProps } from './ExportCsvButton';
