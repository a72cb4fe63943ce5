import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import GetApp from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { ScorecardFilters } from '../ScorecardSummaryTable';

/** The name the exported file is saved under. */
export const CSV_FILE_NAME = 'maturity-scorecards.csv';

/** Props of {@link ExportCsvButton}. */
export interface ExportCsvButtonProps {
  /** The filters of the table; the export holds the same rows. */
  filters: ScorecardFilters;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/csv;charset=utf-8' }),
  );
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads every scorecard the filters match as CSV. The server renders the
 * file; the browser only saves it.
 */
export function ExportCsvButton(props: ExportCsvButtonProps) {
  const { filters } = props;
  const maturityApi = useApi(maturityApiRef);
  const alertApi = useApi(alertApiRef);
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      download(await maturityApi.exportScorecardsCsv(filters), CSV_FILE_NAME);
    } catch (error) {
      alertApi.post({
        message: `Could not export the scorecards: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<GetApp />}
      onClick={exportCsv}
      disabled={exporting}
    >
      {exporting ? 'Exporting…' : 'Export CSV'}
    </Button>
  );
}
