import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  IncidentEvent,
  MaturityEventPage,
  RepoFactEvent,
  StoredMaturityEvent,
} from '../events';
import {
  Campaign,
  CampaignEntityPage,
  CampaignInput,
  CampaignList,
  CampaignProgress,
  EntityCampaignList,
} from '../campaigns';
import { EntityMetrics } from '../metrics';
import { Rollup } from '../rollups';
import { Rubric } from '../rubric';
import { Scorecard } from '../scorecard';
import { MaturityApiOperations, MaturityApiSchemas } from './openapi.generated';

/** Compiles only when `Domain` is a valid value of the `Wire` schema. */
type Conforms<Domain extends Wire, Wire> = [Domain, Wire];

/**
 * The domain types the API takes and returns as they are (the events, once
 * normalized, are valid ingest events), each checked against the schema the
 * spec gives it: a spec change they no longer meet, or a domain
 * change the spec does not allow, fails type-checking here.
 *
 * @internal
 */
export type DomainTypesConform = [
  Conforms<Scorecard, MaturityApiSchemas['Scorecard']>,
  Conforms<EntityMetrics, MaturityApiSchemas['EntityMetrics']>,
  Conforms<Rollup, MaturityApiSchemas['Rollup']>,
  Conforms<Rubric, MaturityApiOperations['GetRubric']['response']>,
  Conforms<BuildEvent, MaturityApiSchemas['BuildEvent']>,
  Conforms<DeploymentEvent, MaturityApiSchemas['DeploymentEvent']>,
  Conforms<ChangeEvent, MaturityApiSchemas['ChangeEvent']>,
  Conforms<IncidentEvent, MaturityApiSchemas['IncidentEvent']>,
  Conforms<RepoFactEvent, MaturityApiSchemas['RepoFactEvent']>,
  Conforms<StoredMaturityEvent, MaturityApiSchemas['StoredEvent']>,
  Conforms<MaturityEventPage, MaturityApiSchemas['EventPage']>,
  Conforms<CampaignInput, MaturityApiSchemas['CampaignInput']>,
  Conforms<Campaign, MaturityApiSchemas['Campaign']>,
  Conforms<CampaignList, MaturityApiSchemas['CampaignList']>,
  Conforms<CampaignProgress, MaturityApiSchemas['CampaignProgress']>,
  Conforms<CampaignEntityPage, MaturityApiSchemas['CampaignEntityPage']>,
  Conforms<EntityCampaignList, MaturityApiSchemas['EntityCampaignList']>,
];
