import { InfoCard } from '@backstage/core-components';
import { FailingCheck } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Typography from '@material-ui/core/Typography';
import { FailingChecksTable } from './FailingChecksTable';

/** Props of {@link MostFailedChecks}. */
export interface MostFailedChecksProps {
  checks: FailingCheck[];
  /** Where the entities failing a check are listed; "N of M" links there. */
  checkLink?: (checkId: string) => string;
}

/**
 * The checks failing most often across a scope, by title from the active
 * rubric: how many entities fail it of those it applies to, and the share.
 */
export function MostFailedChecks(props: MostFailedChecksProps) {
  const { checks, checkLink } = props;
  return (
    <InfoCard title="Most failed checks">
      {checks.length === 0 ? (
        <Typography color="textSecondary">
          No check fails anywhere in this scope.
        </Typography>
      ) : (
        <FailingChecksTable
          checks={checks}
          checkLink={checkLink}
          label="Most failed checks"
        />
      )}
    </InfoCard>
  );
}
