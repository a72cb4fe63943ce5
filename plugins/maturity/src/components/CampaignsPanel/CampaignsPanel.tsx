import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CampaignInput,
  maturityCampaignManagePermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { CampaignDialog } from '../CampaignDialog';
import { CampaignDetail } from './CampaignDetail';
import {
  CAMPAIGN_FILTERS,
  CAMPAIGN_PAGE_SIZE,
  CampaignFilter,
} from './campaignFilters';
import { CampaignList } from './CampaignList';
import { CAMPAIGN_PARAM, campaignSearch } from './campaignSearch';

/**
 * The Campaigns tab of the Maturity page: the list of campaigns of a
 * status (active and upcoming ones unless another is chosen), a page at a
 * time, or one campaign's detail when the query string names it
 * (`?view=campaigns&campaign=<id>`). Holders of `maturity.campaign.manage`
 * create, edit and delete them.
 */
export function CampaignsPanel() {
  const maturityApi = useApi(maturityApiRef);
  const alertApi = useApi(alertApiRef);
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const id = searchParams.get(CAMPAIGN_PARAM) ?? undefined;
  const { allowed: canManage } = usePermission({
    permission: maturityCampaignManagePermission,
  });
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState<CampaignFilter>('open');
  const [page, setPage] = useState(0);
  const list = useAsyncRetry(
    async () =>
      id
        ? undefined
        : maturityApi.listCampaigns({
            status: CAMPAIGN_FILTERS[filter].statuses,
            limit: CAMPAIGN_PAGE_SIZE,
            offset: page * CAMPAIGN_PAGE_SIZE,
          }),
    [maturityApi, id, filter, page],
  );
  const linkOf = (campaignId?: string) =>
    `${pathname}${campaignSearch(campaignId)}`;
  const open = (campaignId?: string) =>
    setSearchParams(new URLSearchParams(campaignSearch(campaignId)));

  const create = async (input: CampaignInput) => {
    const created = await maturityApi.createCampaign(input);
    setCreating(false);
    alertApi.post({
      message: `Created “${created.title}”: its figures are computed in the background, from its first day on.`,
      severity: 'success',
      display: 'transient',
    });
    open(created.id);
  };

  return (
    <>
      {id ? (
        <CampaignDetail
          id={id}
          listLink={linkOf()}
          canManage={canManage}
          onDeleted={() => open()}
        />
      ) : (
        <CampaignList
          loading={list.loading}
          error={list.error}
          campaigns={list.value?.items}
          totalCount={list.value?.totalCount}
          filter={filter}
          onFilterChange={next => {
            setFilter(next);
            setPage(0);
          }}
          page={page}
          onPageChange={setPage}
          onRetry={list.retry}
          linkOf={linkOf}
          onCreate={canManage ? () => setCreating(true) : undefined}
        />
      )}
      {canManage && (
        <CampaignDialog
          open={creating}
          onClose={() => setCreating(false)}
          onSubmit={create}
        />
      )}
    </>
  );
}
