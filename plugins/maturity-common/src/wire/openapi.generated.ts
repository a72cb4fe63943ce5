// Generated from openapi.yaml by scripts/generate-openapi-types.js.
// Do not edit: change the YAML and run `npm run generate:openapi`.

/**
 * The schemas of the Maturity API, as its OpenAPI spec defines them.
 *
 * @public
 */
export type MaturityApiSchemas = {
  /** Which catalog entities a campaign covers; each list accepts any of its values, an absent or empty one any value. Entity refs are full refs. */
  EntityFilter: {
    /** Owning groups and users (`group:` or `user:` refs). */
    owners?: MaturityApiSchemas["EntityRef"][];
    /** Whether `owners` includes every descendant group. */
    includeSubgroups?: boolean;
    systems?: MaturityApiSchemas["EntityRef"][];
    domains?: MaturityApiSchemas["EntityRef"][];
    kinds?: string[];
    lifecycles?: string[];
    types?: string[];
    tags?: string[];
  };
  /** What an in-scope entity must reach. `checks`, every listed check passes (or does not apply to it); `categoryLevel`, `overallLevel`, `mlopsLevel`, at least that level (a campaign with an MLOps goal covers only the entities the MLOps track applies to). */
  CampaignGoal: {
    type: "checks";
    /** Enabled checks of the active rubric. */
    checkIds: string[];
  } | {
    type: "categoryLevel";
    category: "culture" | "design" | "build-deploy" | "test" | "information";
    level: number;
  } | {
    type: "overallLevel";
    level: number;
  } | {
    type: "mlopsLevel";
    level: number;
  };
  CampaignMilestone: {
    date: MaturityApiSchemas["Day"];
    targetShare: number;
  };
  /** A UTC calendar day, `YYYY-MM-DD`. */
  Day: string;
  CampaignInput: {
    title: string;
    description?: string;
    /** The group running the campaign. */
    ownerRef: MaturityApiSchemas["EntityRef"];
    scope: MaturityApiSchemas["EntityFilter"];
    goal: MaturityApiSchemas["CampaignGoal"];
    /** Whether an approved exemption counts as meeting a goal check (for a level goal, whether the level with waivers counts rather than the level without them). */
    allowExemptions?: boolean;
    /** The first day; at most 366 days before today when set or changed (past days are computed from the history). */
    startsOn: MaturityApiSchemas["Day"];
    /** The last day, inclusive; not before `startsOn` nor before today, and at most 731 days after `startsOn`. */
    deadline: MaturityApiSchemas["Day"];
    /** Target shares by date, between `startsOn` and `deadline`. */
    milestones?: MaturityApiSchemas["CampaignMilestone"][];
    /** Days before the deadline on which the owners of entities still short are reminded. Absent, the configured default (`maturity.campaigns.reminderDaysBefore`). */
    reminderDaysBefore?: number[];
  };
  /** upcoming before its first day, active through its deadline, finished after it (read-only, with its final figures). */
  CampaignStatus: "upcoming" | "active" | "finished";
  CampaignTally: {
    inScope: number;
    meeting: number;
  };
  Campaign: {
    id: string;
    title: string;
    description: string;
    ownerRef: string;
    scope: MaturityApiSchemas["EntityFilter"];
    goal: MaturityApiSchemas["CampaignGoal"];
    allowExemptions: boolean;
    startsOn: MaturityApiSchemas["Day"];
    deadline: MaturityApiSchemas["Day"];
    milestones: MaturityApiSchemas["CampaignMilestone"][];
    reminderDaysBefore: number[];
    status: MaturityApiSchemas["CampaignStatus"];
    createdBy: string;
    createdAt: MaturityApiSchemas["Time"];
    updatedBy: string;
    updatedAt: MaturityApiSchemas["Time"];
    /** When its deadline's figures were kept as final; absent until then. */
    finishedAt?: MaturityApiSchemas["Time"];
    /** The figures of its latest computed day (the deadline's once finished); absent before the first computation. */
    latest?: {
      day: MaturityApiSchemas["Day"];
      inScope: number;
      meeting: number;
    };
  };
  CampaignListItem: MaturityApiSchemas["Campaign"] & {
    team?: MaturityApiSchemas["CampaignTally"];
  };
  CampaignList: {
    items: MaturityApiSchemas["CampaignListItem"][];
    /** How many campaigns match the filters. */
    totalCount: number;
  };
  CampaignProgress: {
    campaign: MaturityApiSchemas["Campaign"];
    /** One per computed day, oldest first. */
    days: Array<{
      day: MaturityApiSchemas["Day"];
      inScope: number;
      meeting: number;
    }>;
    /** Per direct owner on the latest day, most entities short first. */
    teams: Array<{
      ownerRef: string;
      inScope: number;
      meeting: number;
    }>;
  };
  CampaignShortfall: {
    /** Goal checks it fails, or meets only through an exemption the campaign does not count; for a level goal, the checks that block the next level. */
    failingChecks: string[];
    /** For a level goal, the level it has. */
    level?: number;
  };
  CampaignEntity: {
    entityRef: string;
    title?: string;
    ownerRef?: string;
    meetsGoal: boolean;
    shortfall?: MaturityApiSchemas["CampaignShortfall"];
  };
  CampaignEntityPage: {
    items: MaturityApiSchemas["CampaignEntity"][];
    totalCount: number;
  };
  EntityCampaign: {
    campaign: MaturityApiSchemas["Campaign"];
    meetsGoal: boolean;
    shortfall?: MaturityApiSchemas["CampaignShortfall"];
  };
  EntityCampaignList: {
    items: MaturityApiSchemas["EntityCampaign"][];
  };
  RubricPreviewRequest: {
    /** The proposed `maturity.rubric` override, as in app-config; `{}` previews the default rubric. */
    rubric: object;
  };
  /** The overall level, a category's level or the MLOps level. */
  RubricPreviewScope: "overall" | "culture" | "design" | "build-deploy" | "test" | "information" | "mlops";
  RubricPreview: {
    currentRubricVersion: string;
    proposedRubricVersion: string;
    /** Entities whose levels were compared. */
    entitiesCompared: number;
    /** Entities with at least one level changed. */
    entitiesChanged: number;
    /** Entities a changed check needs stored inputs of that their last evaluation did not store; not compared. */
    notPreviewable: number;
    /** The checks the override changes with respect to the active rubric. */
    changedChecks: MaturityApiSchemas["RubricCheckChange"][];
    /** Entities per scope, kind and level change, e.g. 37 components whose overall level drops from 3 to 2; largest first within a scope. */
    levelChanges: MaturityApiSchemas["RubricLevelChange"][];
    /** The changed checks responsible for level changes, with the entities whose level in the check's category (or MLOps track) each lowers or raises. */
    checks: MaturityApiSchemas["RubricPreviewCheck"][];
    /** Per owner, the entities with a lowered or raised overall level and those with any level changed; most lowered first. */
    teams: MaturityApiSchemas["RubricPreviewTeam"][];
    entities: MaturityApiSchemas["RubricPreviewEntityPage"];
  };
  RubricCheckChange: {
    checkId: string;
    title: string;
    category: string;
    level: number;
    changes: Array<"added" | "removed" | "enabled" | "disabled" | "required" | "not-required" | "rule">;
  };
  RubricLevelChange: {
    scope: MaturityApiSchemas["RubricPreviewScope"];
    /** The entities' kind, lower case. */
    kind: string;
    from: number;
    to: number;
    count: number;
  };
  RubricPreviewCheck: {
    checkId: string;
    title: string;
    lowered: number;
    raised: number;
  };
  RubricPreviewTeam: {
    ownerRef: string | null;
    /** Entities whose overall level drops. */
    lowered: number;
    /** Entities whose overall level rises. */
    raised: number;
    /** Entities with any level changed. */
    changed: number;
  };
  RubricPreviewEntity: {
    entityRef: string;
    title: string | null;
    kind: string;
    ownerRef: string | null;
    changes: Array<{
      scope: MaturityApiSchemas["RubricPreviewScope"];
      from: number;
      to: number;
    }>;
    /** The changed checks responsible for this entity's changes. */
    checks: string[];
  };
  RubricPreviewEntityPage: {
    items: MaturityApiSchemas["RubricPreviewEntity"][];
    totalCount: number;
    limit: number;
    offset: number;
  };
  Error: {
    error: {
      name: string;
      message: string;
    };
    request?: {
      method?: string;
      url?: string;
    };
    response: {
      statusCode?: number;
    };
  };
  EventType: "build" | "deployment" | "change" | "incident" | "repo_fact";
  /** RFC 3339 date-time with an explicit offset, existing on the calendar (no leap second, no February 30). */
  Time: string;
  Sha: string;
  /** Full entity reference, `kind:namespace/name` (namespace defaults to `default`). */
  EntityRef: string;
  /** The record's id in its source; unique per source, compared exactly; well-formed Unicode. */
  ExternalId: string;
  /** The tool the event comes from, e.g. `jenkins`. */
  Source: string;
  ShortText: string;
  /** At most 1,000 items of 255 characters (GitHub allows 100 labels on an issue or pull request). */
  StringList: string[];
  EventBatch: {
    /** Default `source` for events that do not name one. */
    source?: MaturityApiSchemas["Source"];
    /** At most `maturity.ingest.maxEventsPerBatch` events (default 1000). */
    events: MaturityApiSchemas["Event"][];
  };
  Event: MaturityApiSchemas["BuildEvent"] | MaturityApiSchemas["DeploymentEvent"] | MaturityApiSchemas["ChangeEvent"] | MaturityApiSchemas["IncidentEvent"] | MaturityApiSchemas["RepoFactEvent"];
  /** A CI pipeline run. */
  BuildEvent: {
    type: "build";
    source?: MaturityApiSchemas["Source"];
    externalId: MaturityApiSchemas["ExternalId"];
    entityRef: MaturityApiSchemas["EntityRef"];
    updatedAt?: MaturityApiSchemas["Time"];
    url?: string;
    pipeline?: MaturityApiSchemas["ShortText"];
    branch?: MaturityApiSchemas["ShortText"];
    isDefaultBranch?: boolean;
    commitSha?: MaturityApiSchemas["Sha"];
    trigger?: "push" | "pull_request" | "schedule" | "manual" | "other";
    status: "queued" | "running" | "success" | "failure" | "cancelled" | "skipped";
    startedAt: MaturityApiSchemas["Time"];
    finishedAt?: MaturityApiSchemas["Time"];
    /** What the run did, at most 1,000 step kinds (a GitHub Actions workflow runs at most 256 jobs; a Jenkins pipeline rarely has more than a few hundred stages). */
    steps?: Array<"build" | "unit-test" | "integration-test" | "e2e-test" | "performance-test" | "lint" | "static-analysis" | "sast" | "sca" | "coverage" | "publish" | "deploy">;
  };
  /** A deployment of an entity to an environment. */
  DeploymentEvent: {
    type: "deployment";
    source?: MaturityApiSchemas["Source"];
    externalId: MaturityApiSchemas["ExternalId"];
    entityRef: MaturityApiSchemas["EntityRef"];
    updatedAt?: MaturityApiSchemas["Time"];
    url?: string;
    environment: string;
    commitSha?: MaturityApiSchemas["Sha"];
    /** The commits the deployment shipped, at most 2,048 (what a GitHub push webhook carries; the compare API lists 100 commits a page). A source with more sends the oldest 2,048, so the changes that waited longest keep their lead time. */
    commitShas?: MaturityApiSchemas["Sha"][];
    /** The incidents this deployment fixes, at most 100, each named `<source>:<externalId>` as its incident event was sent (e.g. `pagerduty:Q1ABC`; a source name holds no colon, so the first one separates). A successful production deploy naming an incident linked to a failed deploy ends that deploy's recovery time. */
    fixesIncidents?: string[];
    status: "pending" | "in_progress" | "success" | "failure" | "cancelled";
    reason?: "planned" | "hotfix" | "rollback";
    automated?: boolean;
    strategy?: string;
    startedAt: MaturityApiSchemas["Time"];
    finishedAt?: MaturityApiSchemas["Time"];
  };
  /** A pull request, or a commit pushed straight to a branch. */
  ChangeEvent: {
    type: "change";
    source?: MaturityApiSchemas["Source"];
    externalId: MaturityApiSchemas["ExternalId"];
    entityRef: MaturityApiSchemas["EntityRef"];
    updatedAt?: MaturityApiSchemas["Time"];
    url?: string;
    kind: "pull_request" | "commit";
    state: "open" | "merged" | "closed";
    title?: string;
    author?: MaturityApiSchemas["ShortText"];
    targetBranch?: MaturityApiSchemas["ShortText"];
    sha?: MaturityApiSchemas["Sha"];
    /** The change's commits, at most 1,000 (GitHub lists at most 250 commits of a pull request). */
    commitShas?: MaturityApiSchemas["Sha"][];
    authoredAt?: MaturityApiSchemas["Time"];
    openedAt?: MaturityApiSchemas["Time"];
    firstReviewAt?: MaturityApiSchemas["Time"];
    approvedAt?: MaturityApiSchemas["Time"];
    mergedAt?: MaturityApiSchemas["Time"];
    closedAt?: MaturityApiSchemas["Time"];
    reviewCount?: number;
    directPush?: boolean;
    isRevert?: boolean;
    revertsSha?: MaturityApiSchemas["Sha"];
    touchesSource?: boolean;
    touchesTests?: boolean;
    labels?: MaturityApiSchemas["StringList"];
    linkedIssues?: MaturityApiSchemas["StringList"];
  };
  /** An incident, with explicit links to what caused it where known. */
  IncidentEvent: {
    type: "incident";
    source?: MaturityApiSchemas["Source"];
    externalId: MaturityApiSchemas["ExternalId"];
    entityRef: MaturityApiSchemas["EntityRef"];
    updatedAt?: MaturityApiSchemas["Time"];
    url?: string;
    title?: string;
    status: "triggered" | "acknowledged" | "resolved";
    urgency: "high" | "low";
    priority?: string;
    triggeredAt: MaturityApiSchemas["Time"];
    acknowledgedAt?: MaturityApiSchemas["Time"];
    resolvedAt?: MaturityApiSchemas["Time"];
    postmortemAt?: MaturityApiSchemas["Time"];
    responderTeam?: MaturityApiSchemas["EntityRef"];
    linkedDeploymentIds?: MaturityApiSchemas["StringList"];
    linkedCommitShas?: MaturityApiSchemas["Sha"][];
  };
  /** A snapshot fact about an entity's repository; the latest observation wins. */
  RepoFactEvent: {
    type: "repo_fact";
    source?: MaturityApiSchemas["Source"];
    entityRef: MaturityApiSchemas["EntityRef"];
    updatedAt?: MaturityApiSchemas["Time"];
    url?: string;
    fact: string;
    /** A string value holds at most 4,096 characters. */
    value: boolean | number | string | null;
    observedAt: MaturityApiSchemas["Time"];
  };
  /**
   * One of BuildEvent, DeploymentEvent, ChangeEvent, IncidentEvent or
   * RepoFactEvent (told apart by `type`), with the store's id and times.
   */
  StoredEvent: {
    id: string;
    type: MaturityApiSchemas["EventType"];
    occurredAt: MaturityApiSchemas["Time"];
    ingestedAt: MaturityApiSchemas["Time"];
    updatedAt: MaturityApiSchemas["Time"];
  };
  /** A stored event's id, its type and its number, e.g. `deployment:123`. */
  StoredEventId: string;
  EventList: {
    items: MaturityApiSchemas["StoredEvent"][];
  };
  EventPage: {
    items: MaturityApiSchemas["StoredEvent"][];
    nextCursor?: string;
  };
  /** See `Scorecard` in `@maturity-for-backstage/backstage-plugin-maturity-common`. */
  Scorecard: {
    entityRef: string;
    rubricVersion: string;
    evaluatedAt: MaturityApiSchemas["Time"];
    /** The median of the held category levels. */
    overallLevel: number;
    /** The median of the raw category levels (what today's checks alone give); absent on scorecards evaluated before levels were held. */
    rawOverallLevel?: MaturityApiSchemas["MaturityLevel"];
    imbalanced?: boolean;
    categories: Array<{
      /** The held level, which drops only after `maturity.evaluation.levelDropAfterDays` days in a row below it. */
      level?: MaturityApiSchemas["MaturityLevel"];
      rawLevel?: MaturityApiSchemas["MaturityLevel"];
      atRisk?: MaturityApiSchemas["CategoryAtRisk"];
    }>;
    checks: Array<{
      /** Set while the check is advisory (new or changed in a recent rubric change; not counted in levels), the UTC day from which it counts. */
      countsFrom?: string;
    }>;
    delivery: object;
    levelsWithoutWaivers?: MaturityApiSchemas["LevelsWithoutWaivers"];
  };
  /** A category held above its raw level, and when it would drop. */
  CategoryAtRisk: {
    /** On how many UTC days in a row evaluations found it below its held level. */
    belowDays: number;
    /** The UTC day it drops if still below then. */
    dropsOn: string;
    /** The unmet checks of the levels between the raw and the held level. */
    checks: string[];
  };
  /** 0 none, 1 Base, 2 Beginner, 3 Intermediate, 4 Advanced, 5 Expert. */
  MaturityLevel: 0 | 1 | 2 | 3 | 4 | 5;
  /** The level of each Continuous Delivery Maturity Model category. */
  CategoryLevels: {
    culture: MaturityApiSchemas["MaturityLevel"];
    design: MaturityApiSchemas["MaturityLevel"];
    "build-deploy": MaturityApiSchemas["MaturityLevel"];
    test: MaturityApiSchemas["MaturityLevel"];
    information: MaturityApiSchemas["MaturityLevel"];
  };
  /** The levels an entity would have if its exempt checks counted with the state their data gave (an exempt check that passes anyway changes nothing). Absent for a scorecard evaluated before they were kept. */
  LevelsWithoutWaivers: {
    overallLevel: MaturityApiSchemas["MaturityLevel"];
    categoryLevels: MaturityApiSchemas["CategoryLevels"];
    /** For ML entities only. */
    mlopsLevel?: 0 | 1 | 2;
  };
  CheckState: "pass" | "fail" | "not-applicable" | "insufficient-data" | "exempt";
  /** Each check's state by check id. */
  CheckStates: Record<string, MaturityApiSchemas["CheckState"]>;
  /** A compact row of a scorecard, as the scorecard list returns it. */
  ScorecardSummary: {
    entityRef: string;
    kind: string;
    type?: string;
    lifecycle?: string;
    ownerRef?: string;
    systemRef?: string;
    domainRef?: string;
    title?: string;
    overallLevel: MaturityApiSchemas["MaturityLevel"];
    categoryLevels: MaturityApiSchemas["CategoryLevels"];
    deliveryBand: string | null;
    imbalanced: boolean;
    /** The MLOps level 0–2 of an ML entity; null for an entity the MLOps track does not apply to. */
    mlopsLevel: number | null;
    rubricVersion: string;
    evaluatedAt: MaturityApiSchemas["Time"];
    checkStates: MaturityApiSchemas["CheckStates"];
    levelsWithoutWaivers?: MaturityApiSchemas["LevelsWithoutWaivers"];
    /** For each exempt check, the state its data gave, which the exemption replaced. Absent for a scorecard evaluated before it was kept. */
    waivedCheckStates?: MaturityApiSchemas["CheckStates"];
  };
  /** One page of scorecard summaries. */
  ScorecardPage: {
    items: MaturityApiSchemas["ScorecardSummary"][];
    /** How many scorecards match the filters. */
    totalCount: number;
  };
  EntityMetrics: {
    entityRef: string;
    from: MaturityApiSchemas["Time"];
    to: MaturityApiSchemas["Time"];
    metrics: Record<string, {
      value?: number | null;
      status?: "ok" | "insufficient-data" | "not-applicable";
      unit?: string;
      sampleSize?: number;
      minimumSample?: number;
      evidence?: string[];
    }>;
    /** Each incident of the window, the deploy it was linked to, and how (explicit reference, the 24-hour window rule, or none). */
    incidentLinks?: Array<{
      incidentId: string;
      deploymentId: string | null;
      method: "explicit" | "window" | "none";
    }>;
  };
  /** One day of an entity's scorecard history. */
  HistoryPoint: {
    /** UTC day, `YYYY-MM-DD`. */
    day: string;
    overallLevel: MaturityApiSchemas["MaturityLevel"];
    categoryLevels: MaturityApiSchemas["CategoryLevels"];
    /** The day's raw overall level (`overallLevel` is the held one); equal to it on backfilled days and on points written before levels were held. The backend always returns it and `rawCategoryLevels`. */
    rawOverallLevel?: MaturityApiSchemas["MaturityLevel"];
    rawCategoryLevels?: MaturityApiSchemas["CategoryLevels"];
    deliveryBand: string | null;
    rubricVersion: string;
    checkStates: MaturityApiSchemas["CheckStates"];
  };
  /** See `Rollup` in `@maturity-for-backstage/backstage-plugin-maturity-common`. */
  Rollup: {
    scopeRef: string;
    scopeKind: "group" | "system" | "domain" | "org";
    entityCount: number;
    /** On the org rollup, the kinds of the scored entities (lowercase, sorted). */
    kinds?: string[];
    /** What `children` holds. `entity` (a system, or a group without sub-groups) is the scope's own entities with their levels, lowest overall level first, at most 20 of `entityCount`. */
    childKind?: "group" | "system" | "entity";
    mlops?: MaturityApiSchemas["MlopsRollup"];
    checkBands?: MaturityApiSchemas["CheckBands"];
    withoutWaivers?: MaturityApiSchemas["RollupLevelsWithoutWaivers"];
  };
  /** The scope's check results (MLOps checks apart) in three bands. `waived` are exempt checks whose data alone would not pass; an exempt check that passes anyway is in `pass`. Not applicable and insufficient data are in none. Absent from rollups computed before it was added. */
  CheckBands: {
    pass: number;
    waived: number;
    fail: number;
  };
  LevelSummary: {
    /** Entities at each level 0 to 5 (index = level). */
    distribution: number[];
    median: number | null;
  };
  /** The rollup's levels again, each entity at its levels without waivers (an entity evaluated before they were kept counts at its levels). `children` are the heatmap rows, in the order of the rollup's `children`. Absent from rollups computed before it was added. */
  RollupLevelsWithoutWaivers: {
    overall: MaturityApiSchemas["LevelSummary"];
    categories: {
      culture: MaturityApiSchemas["LevelSummary"];
      design: MaturityApiSchemas["LevelSummary"];
      "build-deploy": MaturityApiSchemas["LevelSummary"];
      test: MaturityApiSchemas["LevelSummary"];
      information: MaturityApiSchemas["LevelSummary"];
    };
    children: Array<{
      scopeRef: string;
      overallMedian: number | null;
      categoryMedians: Record<string, number | null>;
    }>;
  };
  /** The MLOps levels of a rollup's ML entities (those the rubric's MLOps track applies to); absent from a rollup without ML entities. */
  MlopsRollup: {
    /** ML entities in the scope. */
    entityCount: number;
    /** ML entities at each MLOps level 0, 1 and 2 (index = level). */
    distribution: number[];
    /** Median MLOps level; the mean of the two middle levels for an even count. */
    median: number;
    /** The MLOps checks failing most often, most failed first (at most 10). */
    mostFailedChecks: MaturityApiSchemas["FailingCheck"][];
  };
  /** A check and how often it fails, or is met only through a waiver, across a rollup's scope. */
  FailingCheck: {
    checkId: string;
    failed: number;
    /** Entities where the check is exempt and its data alone would not pass. Absent from rollups computed before it was added. */
    waived?: number;
    /** Entities where the check applied (not not-applicable, not insufficient data). */
    applicable: number;
  };
  /** A waiver of one check for one entity. */
  Exemption: {
    id: string;
    entityRef: string;
    checkId: string;
    reason: string;
    status: MaturityApiSchemas["ExemptionStatus"];
    /** Entity ref of the user who requested it. */
    author: string;
    /** When it was requested. */
    createdAt: MaturityApiSchemas["Time"];
    /** The expiry the requester asked for. Absent: none. */
    requestedExpiresAt?: MaturityApiSchemas["Time"];
    /** When it stops applying: the requested expiry, or the shorter one the decider set. Absent: no expiry. */
    expiresAt?: MaturityApiSchemas["Time"];
    /** Who approved or denied it (a user entity ref, or `system` for an auto-approval). */
    decidedBy?: string;
    decidedAt?: MaturityApiSchemas["Time"];
    decisionComment?: string;
    /** When it was withdrawn, revoked or expired. */
    endedAt?: MaturityApiSchemas["Time"];
  };
  /** requested → approved | denied | withdrawn; approved → revoked | expired. Only approved ones before their expiry count as met. */
  ExemptionStatus: "requested" | "approved" | "denied" | "withdrawn" | "revoked" | "expired";
  ExemptionComment: string;
  /** One state change of an exemption, as the audit list keeps it. */
  ExemptionEvent: {
    exemptionId: string;
    entityRef: string;
    checkId: string;
    action: "requested" | "approved" | "denied" | "withdrawn" | "revoked" | "expired";
    /** Entity ref of the user, or `system` (auto-approval, expiry). */
    actor: string;
    at: MaturityApiSchemas["Time"];
    comment?: string;
  };
  /** Outcome of writing a batch. */
  IngestResult: {
    /** Events not stored before. */
    created: number;
    /** Events that replaced an older version. */
    updated: number;
    /** Replays and stale versions; nothing was written for them. */
    unchanged: number;
  };
  /** Counts of an entity's events in a window, for the activity view. */
  ActivitySummary: {
    entityRef: string;
    from: MaturityApiSchemas["Time"];
    to: MaturityApiSchemas["Time"];
    counts: {
      build: number;
      deployment: number;
      change: number;
      incident: number;
      repo_fact: number;
    };
    /** Time of the latest event of each type in the window. */
    latest: {
      build?: MaturityApiSchemas["Time"];
      deployment?: MaturityApiSchemas["Time"];
      change?: MaturityApiSchemas["Time"];
      incident?: MaturityApiSchemas["Time"];
      repo_fact?: MaturityApiSchemas["Time"];
    };
  };
};

/**
 * The operations of the Maturity API by operation id: path and query
 * parameters, request body and success response.
 *
 * @public
 */
export type MaturityApiOperations = {
  /** `POST /v1/events`: Ingest a batch of events */
  IngestEvents: {
    body: MaturityApiSchemas["EventBatch"];
    /** Status 200. */
    response: MaturityApiSchemas["IngestResult"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/events`: Read an entity's events */
  ListEntityEvents: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    query: {
      /** Event types to include (repeatable); all when absent. */
      type?: MaturityApiSchemas["EventType"][];
      /** Inclusive start of the time range (RFC 3339 date-time). */
      from?: string;
      /** Exclusive end of the time range (RFC 3339 date-time). */
      to?: string;
      /** Page size. */
      limit?: number;
      /** The `nextCursor` of the previous page. */
      cursor?: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["EventPage"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/events/by-id`: Read an entity's events by id */
  GetEntityEventsById: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    query: {
      /** Stored event ids, `deployment:123` (repeatable, at most 100); the colon may be sent as is. */
      id: MaturityApiSchemas["StoredEventId"][];
      /** Inclusive start of the time range (RFC 3339 date-time). */
      from?: string;
      /** Exclusive end of the time range (RFC 3339 date-time). */
      to?: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["EventList"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/activity`: Summarize an entity's recorded activity */
  GetEntityActivity: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    query: {
      /** Inclusive start of the time range (RFC 3339 date-time). */
      from?: string;
      /** Exclusive end of the time range (RFC 3339 date-time). */
      to?: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["ActivitySummary"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/scorecard`: An entity's latest scorecard */
  GetEntityScorecard: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["Scorecard"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/metrics`: An entity's metrics with their evidence */
  GetEntityMetrics: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["EntityMetrics"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/history`: An entity's daily scorecard history */
  GetEntityHistory: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    query: {
      /** Inclusive start of the time range (RFC 3339 date-time). */
      from?: string;
      /** Exclusive end of the time range (RFC 3339 date-time). */
      to?: string;
      /** A date (`2026-10-01`) or time (RFC 3339); its UTC day is the one asked for. Not with `from` or `to`. */
      asOf?: string;
    };
    /** Status 200. */
    response: {
      items: MaturityApiSchemas["HistoryPoint"][];
    };
  };
  /** `POST /v1/entities/{kind}/{namespace}/{name}/refresh`: Re-evaluate an entity now */
  RefreshEntityScorecard: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["Scorecard"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/exemptions`: An entity's exemptions, in every state */
  ListEntityExemptions: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: {
      items: MaturityApiSchemas["Exemption"][];
    };
  };
  /** `POST /v1/entities/{kind}/{namespace}/{name}/exemptions`: Request an exemption of an entity from a check */
  CreateEntityExemption: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    body: {
      /** A check id of the active rubric, a category's or the MLOps track's (e.g. `mlops.1.experiment-tracking`); an exempt check counts as met in the level it belongs to. */
      checkId: string;
      reason: string;
      expiresAt?: MaturityApiSchemas["Time"];
    };
    /** Status 201. */
    response: MaturityApiSchemas["Exemption"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/exemption-events`: The audit list of an entity's exemptions */
  ListEntityExemptionEvents: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: {
      items: MaturityApiSchemas["ExemptionEvent"][];
    };
  };
  /** `DELETE /v1/exemptions/{id}`: Revoke an approved exemption (deprecated; use POST .../revoke) */
  RevokeExemption: {
    path: {
      id: string;
    };
    /** Status 204. */
    response: void;
  };
  /** `POST /v1/exemptions/{id}/approve`: Approve a requested exemption */
  ApproveExemption: {
    path: {
      id: string;
    };
    body: {
      expiresAt?: MaturityApiSchemas["Time"];
      comment?: MaturityApiSchemas["ExemptionComment"];
    };
    /** Status 200. */
    response: MaturityApiSchemas["Exemption"];
  };
  /** `POST /v1/exemptions/{id}/deny`: Deny a requested exemption */
  DenyExemption: {
    path: {
      id: string;
    };
    body: {
      comment: MaturityApiSchemas["ExemptionComment"];
    };
    /** Status 200. */
    response: MaturityApiSchemas["Exemption"];
  };
  /** `POST /v1/exemptions/{id}/withdraw`: Withdraw a request */
  WithdrawExemption: {
    path: {
      id: string;
    };
    body: {
      comment?: MaturityApiSchemas["ExemptionComment"];
    };
    /** Status 200. */
    response: MaturityApiSchemas["Exemption"];
  };
  /** `POST /v1/exemptions/{id}/revoke`: Revoke an approved exemption */
  RevokeApprovedExemption: {
    path: {
      id: string;
    };
    body: {
      comment?: MaturityApiSchemas["ExemptionComment"];
    };
    /** Status 200. */
    response: MaturityApiSchemas["Exemption"];
  };
  /** `GET /v1/scorecards`: List scorecards */
  ListScorecards: {
    query: {
      /** Owner entity refs (repeatable). `includeSubgroups=true` adds every descendant group. */
      owner?: string[];
      includeSubgroups?: boolean;
      system?: string;
      domain?: string;
      kind?: string;
      lifecycle?: string;
      /** Only entities of this `spec.type` (e.g. `service`). */
      type?: string;
      /** Only entities carrying this catalog tag (`metadata.tags`; compared in lower case, as the catalog writes tags). Entities evaluated before tags were stored match once evaluated again. */
      tag?: string;
      minLevel?: number;
      maxLevel?: number;
      /** Only ML entities (those the rubric's MLOps track applies to) at this MLOps level or above; `0` selects every ML entity. */
      minMlopsLevel?: number;
      /** Only ML entities at this MLOps level or below. */
      maxMlopsLevel?: number;
      /** Case-insensitive search in entity ref and title. */
      q?: string;
      /** Only entities whose latest evaluation fails this check (a check id of the active rubric, e.g. `test.3.e2e-tests`); the entities a rollup's `mostFailedChecks` entry counts as failed. Not applicable, insufficient data and exempt do not count as failing. */
      failingCheck?: string;
      /** Only entities where this check is met only through its exemption (exempt, and its data alone would not pass); the entities a rollup's `mostFailedChecks` entry counts as waived. */
      waivedCheck?: string;
      /** Only entities in this overall DORA delivery band; `none` is below `low` (deployment frequency with no production deploy in 180 days); `unknown` selects those without one (a banded metric lacks data), as a rollup's `deliveryBands.unknown` counts them. */
      deliveryBand?: "elite" | "high" | "medium" | "low" | "none" | "unknown";
      /** Which overall level `minLevel`, `maxLevel` and `orderBy=overallLevel` read. `withoutWaivers` reads the level the entity would have if its exempt checks counted with the state their data gave (`levelsWithoutWaivers`); an entity evaluated before that was kept has none, matches no level bound and comes last in either order. */
      levels?: "asScored" | "withoutWaivers";
      /** The order of the rows, entity ref breaking ties. By `mlopsLevel`, entities without one (not ML entities) come last in either direction. */
      orderBy?: "entityRef" | "overallLevel" | "evaluatedAt" | "mlopsLevel";
      order?: "asc" | "desc";
      limit?: number;
      /** Rows to skip, at most 1,000,000. */
      offset?: number;
      format?: "json" | "csv";
    };
    /** Status 200. */
    response: MaturityApiSchemas["ScorecardPage"] | string;
  };
  /** `GET /v1/rollups/org`: The organisation-wide rollup */
  GetOrgRollup: {
    /** Status 200. */
    response: MaturityApiSchemas["Rollup"];
  };
  /** `GET /v1/rollups/{kind}/{namespace}/{name}`: The rollup of a group (with all descendant groups), system or domain */
  GetRollup: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["Rollup"];
  };
  /** `GET /v1/rubric`: The active rubric */
  GetRubric: {
    /** Status 200. */
    response: {
      version: string;
    };
  };
  /** `POST /v1/rubric/preview`: Preview the level changes a rubric override would cause */
  PreviewRubric: {
    query: {
      /** Affected entities per page. */
      limit?: number;
      /** Affected entities to skip, at most 1,000,000. */
      offset?: number;
    };
    body: MaturityApiSchemas["RubricPreviewRequest"];
    /** Status 200. */
    response: MaturityApiSchemas["RubricPreview"];
  };
  /** `GET /v1/campaigns`: List campaigns */
  ListCampaigns: {
    query: {
      /** A group entity ref. */
      team?: MaturityApiSchemas["EntityRef"];
      /** Only campaigns with any of these statuses (repeatable). */
      status?: MaturityApiSchemas["CampaignStatus"][];
      limit?: number;
      /** Rows to skip, at most 1,000,000. */
      offset?: number;
    };
    /** Status 200. */
    response: MaturityApiSchemas["CampaignList"];
  };
  /** `POST /v1/campaigns`: Create a campaign */
  CreateCampaign: {
    body: MaturityApiSchemas["CampaignInput"];
    /** Status 201. */
    response: MaturityApiSchemas["Campaign"];
  };
  /** `GET /v1/campaigns/{id}`: A campaign with its burn-up and per-team figures */
  GetCampaign: {
    path: {
      id: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["CampaignProgress"];
  };
  /** `PUT /v1/campaigns/{id}`: Change a campaign */
  UpdateCampaign: {
    path: {
      id: string;
    };
    body: MaturityApiSchemas["CampaignInput"];
    /** Status 200. */
    response: MaturityApiSchemas["Campaign"];
  };
  /** `DELETE /v1/campaigns/{id}`: Delete a campaign and its figures */
  DeleteCampaign: {
    path: {
      id: string;
    };
    /** Status 204. */
    response: void;
  };
  /** `GET /v1/campaigns/{id}/entities`: A campaign's in-scope entities on its latest day */
  ListCampaignEntities: {
    path: {
      id: string;
    };
    query: {
      /** Only entities that meet (true) or miss (false) the goal. */
      meetsGoal?: boolean;
      /** Only entities owned by this group or its sub-groups. */
      owner?: MaturityApiSchemas["EntityRef"];
      limit?: number;
      /** Rows to skip, at most 1,000,000. */
      offset?: number;
    };
    /** Status 200. */
    response: MaturityApiSchemas["CampaignEntityPage"];
  };
  /** `GET /v1/entities/{kind}/{namespace}/{name}/campaigns`: The campaigns an entity is in scope of */
  ListEntityCampaigns: {
    path: {
      kind: string;
      namespace: string;
      name: string;
    };
    /** Status 200. */
    response: MaturityApiSchemas["EntityCampaignList"];
  };
};
