import { InfoCard } from '@backstage/core-components';
import { FailingCheck } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Typography from '@material-ui/core/Typography';
import { FailingChecksTable } from './FailingChecksTable';

/** Props of {@link MostFailedChecks}. */
export interface MostFailedChecksProps {
  checks: FailingCheck[];
  /** Where the entities failing a check are listed; "N of M" links there. */
  checkLink?: (checkId: string) => string;
  /** Where the entities waiving a check are listed. */
  waivedLink?: (checkId: string) => string;
}

/**
 * The checks failing or waived most often across a scope, by title from
 * the active rubric: how many entities fail it of those it applies to, how
 * many meet it only through a waiver (debt too), and the share of both.
 */
export function MostFailedChecks(props: MostFailedChecksProps) {
  const { checks, checkLink, waivedLink } = props;
  return (
    <InfoCard title="Failing or waived checks">
      {checks.length === 0 ? (
        <Typography color="textSecondary">
          No check fails or is waived anywhere in this scope.
        </Typography>
      ) : (
        <FailingChecksTable
          checks={checks}
          checkLink={checkLink}
          waivedLink={waivedLink}
          label="Failing or waived checks"
        />
      )}
    </InfoCard>
  );
}
