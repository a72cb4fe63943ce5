import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  LEVEL_NAMES,
  Mover,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import TrendingDown from '@material-ui/icons/TrendingDown';
import TrendingUp from '@material-ui/icons/TrendingUp';
import { statusColor } from '../../scorecard/statusColor';
import { EntityMaturityLink } from '../EntityMaturityLink';

const useStyles = makeStyles(theme => ({
  up: { color: statusColor(theme, 'success'), minWidth: 36 },
  down: { color: statusColor(theme, 'error'), minWidth: 36 },
  // Long names wrap instead of running out of the narrow column.
  name: { overflowWrap: 'anywhere' },
}));

/** Props of {@link RollupMovers}. */
export interface RollupMoversProps {
  movers: { improved: Mover[]; dropped: Mover[] };
}

function MoverList(props: {
  title: string;
  movers: Mover[];
  direction: 'up' | 'down';
}) {
  const { title, movers, direction } = props;
  const classes = useStyles();
  const id = `maturity-movers-${direction}`;
  return (
    <section aria-labelledby={id}>
      <Typography variant="subtitle2" component="h4" id={id}>
        {title} ({movers.length})
      </Typography>
      {movers.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None in the last 30 days.
        </Typography>
      ) : (
        <List dense aria-labelledby={id}>
          {movers.map(mover => (
            <ListItem key={mover.entityRef} disableGutters>
              <ListItemIcon className={classes[direction]}>
                {direction === 'up' ? <TrendingUp /> : <TrendingDown />}
              </ListItemIcon>
              <ListItemText
                classes={{ primary: classes.name }}
                primary={
                  // Named without its kind: the list holds scored entities.
                  <EntityMaturityLink
                    entityRef={mover.entityRef}
                    defaultKind={parseEntityRef(mover.entityRef).kind}
                  />
                }
                secondary={`${mover.from} ${LEVEL_NAMES[mover.from]} → ${
                  mover.to
                } ${LEVEL_NAMES[mover.to]}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
}

/**
 * Entities whose overall level rose or fell against 30 days earlier, with
 * from → to and a link to each entity's Maturity tab.
 */
export function RollupMovers(props: RollupMoversProps) {
  const { movers } = props;
  return (
    <InfoCard title="Movers, last 30 days">
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <MoverList title="Improved" movers={movers.improved} direction="up" />
        </Grid>
        <Grid item xs={12} sm={6}>
          <MoverList title="Dropped" movers={movers.dropped} direction="down" />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
