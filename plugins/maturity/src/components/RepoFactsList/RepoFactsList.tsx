import { Fragment } from 'react';
import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredEventOf } from '../../events/StoredEventOf';
import { EventLink } from '../EventLink';
import { RelativeTime } from '../RelativeTime';

type RepoFact = StoredEventOf<'repo_fact'>;

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(auto, max-content) 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  fact: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
  value: {
    margin: 0,
  },
}));

function formatValue(value: RepoFactValue): string {
  if (value === null) {
    return 'unknown';
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return String(value);
}

/** Props of {@link RepoFactsList}. */
export interface RepoFactsListProps {
  facts: RepoFact[];
  subtitle?: string;
}

/**
 * The latest observed facts about an entity's repository as a compact
 * fact → value list, each with where and when it was observed.
 */
export function RepoFactsList(props: RepoFactsListProps) {
  const { facts, subtitle } = props;
  const classes = useStyles();
  return (
    <InfoCard title="Repository facts" subheader={subtitle}>
      {facts.length === 0 ? (
        <Typography variant="body2">
          No repository facts observed in this window.
        </Typography>
      ) : (
        <dl className={classes.list}>
          {facts.map(fact => (
            <Fragment key={fact.id}>
              <Typography
                component="dt"
                variant="body2"
                className={classes.fact}
              >
                <EventLink url={fact.url}>{fact.fact}</EventLink>
              </Typography>
              <dd className={classes.value}>
                <Typography component="span" variant="body2">
                  {formatValue(fact.value)}
                </Typography>{' '}
                <Typography
                  component="span"
                  variant="caption"
                  color="textSecondary"
                >
                  ({fact.source}, <RelativeTime time={fact.observedAt} />)
                </Typography>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
    </InfoCard>
  );
}
