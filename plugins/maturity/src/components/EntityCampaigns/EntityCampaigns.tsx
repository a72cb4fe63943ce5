import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityCampaign } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import FlagOutlined from '@material-ui/icons/FlagOutlined';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { whatIsLeft } from '../../campaigns/describeCampaign';
import { useCampaignLink } from '../../campaigns/useCampaignLink';
import { useCheckTitles } from '../../scorecard/useCheckTitles';
import { formatDate } from '../../time/formatDate';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  heading: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  list: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(3) },
  item: { marginBottom: theme.spacing(0.5) },
}));

function CampaignLine(props: { item: EntityCampaign }) {
  const { campaign, meetsGoal, shortfall } = props.item;
  const linkOf = useCampaignLink();
  const titleOf = useCheckTitles();
  const title = linkOf ? (
    <Link to={linkOf(campaign.id)}>{campaign.title}</Link>
  ) : (
    <strong>{campaign.title}</strong>
  );
  const starts =
    campaign.status === 'upcoming'
      ? ` (starts ${formatDate(campaign.startsOn)})`
      : '';
  return (
    <Typography variant="body2">
      Part of {title}, due {formatDate(campaign.deadline)}
      {starts}:{' '}
      {meetsGoal ? (
        <strong>meets the goal</strong>
      ) : (
        <>what is left: {whatIsLeft(campaign.goal, shortfall, titleOf)}</>
      )}
    </Typography>
  );
}

/** The campaigns an entity is in scope of, loading. */
export function useEntityCampaigns(entityRef: string) {
  const maturityApi = useApi(maturityApiRef);
  return useAsync(
    () => maturityApi.listEntityCampaigns(entityRef),
    [maturityApi, entityRef],
  );
}

/** Props of {@link EntityCampaigns}. */
export interface EntityCampaignsProps {
  /** What {@link useEntityCampaigns} loads. */
  state: ReturnType<typeof useEntityCampaigns>;
}

/** Whether {@link EntityCampaigns} has anything to show. */
export function hasEntityCampaigns(
  state: ReturnType<typeof useEntityCampaigns>,
): boolean {
  return !!state.error || !!state.value?.items.length;
}

/**
 * The active and upcoming campaigns an entity is in scope of, each with its
 * deadline and whether the entity meets its goal or what is left. Renders
 * nothing while loading and when the entity is in no campaign.
 */
export function EntityCampaigns(props: EntityCampaignsProps) {
  const { state } = props;
  const { value, error } = state;
  const classes = useStyles();
  if (!hasEntityCampaigns(state)) return null;
  return (
    <Paper
      component="section"
      aria-labelledby="maturity-entity-campaigns-title"
      className={classes.root}
    >
      <Typography
        variant="h6"
        component="h3"
        id="maturity-entity-campaigns-title"
        className={classes.heading}
      >
        <FlagOutlined />
        Campaigns
      </Typography>
      {error ? (
        <Typography variant="body2" color="error">
          Could not load the campaigns of this entity: {error.message}
        </Typography>
      ) : (
        <ul className={classes.list}>
          {value!.items.map(item => (
            <li key={item.campaign.id} className={classes.item}>
              <CampaignLine item={item} />
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
