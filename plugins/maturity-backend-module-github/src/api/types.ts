/**
 * The fields of GitHub REST payloads (API version 2022-11-28) and GraphQL
 * answers the source reads. Everything else in a payload is ignored.
 */

export interface GithubUser {
  login: string;
  type?: string;
}

export interface GithubRepo {
  full_name: string;
  default_branch: string;
  html_url?: string;
}

export interface GithubWorkflowRun {
  id: number;
  name?: string | null;
  head_branch?: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  run_started_at?: string | null;
  html_url?: string;
}

export interface GithubJob {
  id: number;
  name: string;
  steps?: Array<{ name: string }>;
}

export interface GithubJobsPage {
  total_count: number;
  jobs: GithubJob[];
}

export interface GithubDeployment {
  id: number;
  sha: string;
  ref?: string;
  task?: string;
  payload?: unknown;
  environment: string;
  description?: string | null;
  creator?: GithubUser | null;
  created_at: string;
  updated_at: string;
  performed_via_github_app?: unknown;
}

export interface GithubDeploymentStatus {
  id: number;
  state: string;
  description?: string | null;
  created_at: string;
  updated_at?: string;
  target_url?: string | null;
  log_url?: string | null;
}

export interface GithubPullRequest {
  number: number;
  /** The GraphQL node id, which the details query looks pull requests up by. */
  node_id?: string;
  state: 'open' | 'closed';
  title: string;
  body?: string | null;
  user?: GithubUser | null;
  labels?: Array<{ name: string }>;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  html_url?: string;
  draft?: boolean;
  head: { sha: string; ref?: string };
  base: { ref: string };
}

export interface GithubReview {
  id: number;
  user?: GithubUser | null;
  state: string;
  submitted_at?: string;
}

export interface GithubCommit {
  sha: string;
  html_url?: string;
  author?: GithubUser | null;
  commit: {
    message: string;
    author?: { name?: string; date?: string } | null;
    committer?: { name?: string; date?: string } | null;
  };
  parents?: Array<{ sha: string }>;
}

/**
 * `GET /repos/{o}/{r}/compare/{base}...{head}`: the commits reachable from
 * head and not from base (`git log base..head`), oldest first, 100 a page
 * with `per_page` (the changed files, on the first page only, are not read).
 */
export interface GithubCommitComparison {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  commits: GithubCommit[];
}

/** An entry of `GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`. */
export interface GithubTreeEntry {
  path: string;
  type: string;
  mode?: string;
  sha?: string;
  size?: number;
}

export interface GithubTree {
  sha: string;
  truncated: boolean;
  tree: GithubTreeEntry[];
}

/** `GET /repos/{o}/{r}/git/blobs/{sha}`: the content is base64, in lines. */
export interface GithubBlob {
  sha: string;
  size?: number;
  content: string;
  encoding: string;
}

export interface GithubBranchProtection {
  required_status_checks?: {
    contexts?: string[];
    checks?: Array<{ context: string }>;
  } | null;
  required_pull_request_reviews?: unknown;
}

/** One entry of `GET /repos/{o}/{r}/pulls/{n}/files`. */
export interface GithubPullRequestFile {
  filename: string;
  status?: string;
  /** The old path of a renamed file. */
  previous_filename?: string;
}

/**
 * `GET /repos/{o}/{r}/commits/{sha}`: a commit with the files it changes
 * (the first 300), which say the path-scoped entities a direct push is of.
 */
export interface GithubCommitWithFiles extends GithubCommit {
  files?: GithubPullRequestFile[];
}

/**
 * One entry of `GET /repos/{o}/{r}/rules/branches/{branch}`: an active rule
 * of a ruleset (repository or organization level) that applies to the branch.
 */
export interface GithubBranchRule {
  type: string;
  ruleset_source_type?: string;
  ruleset_source?: string;
  ruleset_id?: number;
  parameters?: {
    required_approving_review_count?: number;
    required_status_checks?: Array<{
      context: string;
      integration_id?: number;
    }>;
  };
}

export interface GithubRelease {
  id: number;
  tag_name: string;
  name?: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at?: string | null;
}

export interface GithubTag {
  name: string;
  commit: { sha: string };
}

/** A GraphQL connection's page position. */
export interface GraphqlPageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** A pull request as the details query selects it (`nodes(ids:)`). */
export interface GraphqlPullRequestDetails {
  id: string;
  number: number;
  reviews: {
    nodes: Array<{
      databaseId?: number | null;
      state: string;
      submittedAt?: string | null;
      author?: { login: string } | null;
    } | null>;
  };
  commits: {
    nodes: Array<{
      commit: { oid: string; authoredDate?: string | null };
    } | null>;
  };
  files?: {
    pageInfo: GraphqlPageInfo;
    nodes: Array<{ path: string } | null>;
  } | null;
}

/** A page of a repository's branches (`refs(refPrefix: "refs/heads/")`). */
export interface GraphqlBranchRefs {
  repository: {
    refs: {
      pageInfo: GraphqlPageInfo;
      nodes: Array<{
        name: string;
        /** A Commit's committedDate; empty for a ref pointing elsewhere. */
        target?: { committedDate?: string } | null;
      } | null>;
    } | null;
  } | null;
}
