import { GithubPullRequestFile } from '../../api/types';

/** The paths a changed file touches: a renamed one's old path too. */
export function changedPaths(file: GithubPullRequestFile): string[] {
  return file.previous_filename
    ? [file.filename, file.previous_filename]
    : [file.filename];
}
