import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Campaign,
  CampaignEntity,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { levelLabel } from '../../scorecard/categoryTitles';
import { mlopsLevelLabel } from '../../scorecard/mlopsLevelLabel';
import { useRubricCheckById } from '../../scorecard/useCheckTitles';
import { EntityMaturityLink, shortEntityRef } from '../EntityMaturityLink';
import { LoadErrorPanel } from '../LoadErrorPanel';

/** Entities per page. */
export const SHORT_PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  checks: { margin: 0, paddingLeft: theme.spacing(2) },
  fix: { color: theme.palette.text.secondary, display: 'block' },
  ref: { color: theme.palette.text.secondary, display: 'block' },
}));

/** `Level 2 · Beginner now` for a level goal's shortfall. */
function levelNow(campaign: Campaign, entity: CampaignEntity) {
  const level = entity.shortfall?.level;
  if (level === undefined || campaign.goal.type === 'checks') return undefined;
  return campaign.goal.type === 'mlopsLevel'
    ? `MLOps level ${mlopsLevelLabel(level)} now`
    : `Level ${levelLabel(level)} now`;
}

/** The checks an entity fails, with their titles and how to fix them. */
function WhatIsLeft(props: { campaign: Campaign; entity: CampaignEntity }) {
  const { campaign, entity } = props;
  const classes = useStyles();
  const checkOf = useRubricCheckById();
  const now = levelNow(campaign, entity);
  const failing = entity.shortfall?.failingChecks ?? [];
  return (
    <>
      {now && <Typography variant="body2">{now}</Typography>}
      {failing.length > 0 && (
        <ul className={classes.checks}>
          {failing.map(checkId => {
            const check = checkOf(checkId);
            return (
              <li key={checkId}>
                <Typography variant="body2">
                  {check?.title ?? checkId}
                </Typography>
                {check?.howToFix && (
                  <Typography variant="caption" className={classes.fix}>
                    How to fix: {check.howToFix}
                  </Typography>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/**
 * The in-scope entities of a campaign still short of its goal, a server
 * page at a time, each linked to its Maturity tab with what it still lacks.
 */
export function CampaignShortEntities(props: { campaign: Campaign }) {
  const { campaign } = props;
  const classes = useStyles();
  const maturityApi = useApi(maturityApiRef);
  const [page, setPage] = useState(0);
  const { loading, error, value, retry } = useAsyncRetry(
    () =>
      maturityApi.listCampaignEntities(campaign.id, {
        meetsGoal: false,
        limit: SHORT_PAGE_SIZE,
        offset: page * SHORT_PAGE_SIZE,
      }),
    [maturityApi, campaign.id, page],
  );

  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <LoadErrorPanel
        title="Could not load the entities still short"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value || value.totalCount === 0) {
    return (
      <Typography variant="body2">
        {campaign.latest
          ? 'Every entity in scope meets the goal.'
          : 'Not computed yet: the figures appear within minutes of the campaign being saved.'}
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Entities still short">
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>What is left</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(entity => (
            <TableRow key={entity.entityRef}>
              <TableCell component="th" scope="row">
                <EntityMaturityLink entityRef={entity.entityRef}>
                  {entity.title ?? shortEntityRef(entity.entityRef)}
                </EntityMaturityLink>
                {entity.title && (
                  <Typography variant="caption" className={classes.ref}>
                    {entity.entityRef}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {entity.ownerRef
                  ? shortEntityRef(entity.ownerRef, 'group')
                  : '—'}
              </TableCell>
              <TableCell>
                <WhatIsLeft campaign={campaign} entity={entity} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {value.totalCount > SHORT_PAGE_SIZE && (
        <TablePagination
          component="div"
          count={value.totalCount}
          page={page}
          rowsPerPage={SHORT_PAGE_SIZE}
          rowsPerPageOptions={[SHORT_PAGE_SIZE]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
    </>
  );
}
