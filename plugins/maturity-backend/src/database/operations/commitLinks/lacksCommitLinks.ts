import { Knex } from 'knex';

/**
 * Whether events stored before the commit-link tables existed still lack
 * their links: some deployment names a commit and no link exists at all.
 * Two index probes, so every start can ask.
 */
export async function lacksCommitLinks(db: Knex): Promise<boolean> {
  const [links, deployments] = await Promise.all([
    db('deployment_commits').first('deployment_id'),
    db('deployments').whereNotNull('commit_sha').first('id'),
  ]);
  return !links && Boolean(deployments);
}
