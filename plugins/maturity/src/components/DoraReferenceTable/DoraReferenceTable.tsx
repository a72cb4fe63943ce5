import { Link } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { DORA_REFERENCE_REPORTS } from '../../scorecard/doraReferenceClusters';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(3) },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
}));

/** The choice of State of DevOps report, labelled "Report". */
export function DoraReportSelect(props: {
  value: string;
  onChange: (reportId: string) => void;
}) {
  const { value, onChange } = props;
  return (
    <FormControl size="small">
      <InputLabel htmlFor="dora-reference-report">Report</InputLabel>
      <NativeSelect
        id="dora-reference-report"
        value={value}
        onChange={event => onChange(event.target.value)}
      >
        {DORA_REFERENCE_REPORTS.map(r => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}

/** Props of {@link DoraReferenceTable}. */
export interface DoraReferenceTableProps {
  /**
   * The report to show. Without it the table offers its own choice; with
   * it, the choice belongs to the caller (a {@link DoraReportSelect}).
   */
  reportId?: string;
}

/**
 * The software delivery performance clusters of a chosen State of DevOps
 * report, as published, with its citation. Reference only.
 */
export function DoraReferenceTable(props: DoraReferenceTableProps) {
  const classes = useStyles();
  const [ownReportId, setOwnReportId] = useState(DORA_REFERENCE_REPORTS[0].id);
  const reportId = props.reportId ?? ownReportId;
  const report =
    DORA_REFERENCE_REPORTS.find(r => r.id === reportId) ??
    DORA_REFERENCE_REPORTS[0];
  return (
    <section className={classes.root} aria-labelledby="dora-reference-title">
      <div className={classes.heading}>
        <Typography
          variant="subtitle1"
          component="h4"
          id="dora-reference-title"
        >
          Reference: published DORA clusters
        </Typography>
        {props.reportId === undefined && (
          <DoraReportSelect value={reportId} onChange={setOwnReportId} />
        )}
      </div>
      <Table size="small" aria-label={`${report.title} performance clusters`}>
        <TableHead>
          <TableRow>
            <TableCell>Cluster</TableCell>
            <TableCell>Deployment frequency</TableCell>
            <TableCell>Change lead time</TableCell>
            <TableCell>Change failure rate</TableCell>
            <TableCell>{report.recoveryTimeName}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.clusters.map(cluster => (
            <TableRow key={cluster.name}>
              <TableCell component="th" scope="row">
                {cluster.name}
              </TableCell>
              <TableCell>{cluster.deploymentFrequency}</TableCell>
              <TableCell>{cluster.leadTime}</TableCell>
              <TableCell>{cluster.changeFailureRate}</TableCell>
              <TableCell>{cluster.recoveryTime}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="textSecondary" component="p">
        Reference values as published in the survey clusters, not this plugin's
        bands. Source: {report.citation} <Link to={report.url}>dora.dev</Link>
      </Typography>
    </section>
  );
}
