import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { isUnderPath } from '../catalog/entityPaths';
import { isTestPath } from '../events/changes/testPaths';

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const dirs = (path: string) => path.split('/').slice(0, -1);

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'Gemfile.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'Cargo.lock',
  'go.sum',
  'composer.lock',
  'gradle.lockfile',
  'packages.lock.json',
  'mix.lock',
  'pubspec.lock',
  'Podfile.lock',
]);

const BUILD_FILES = new Set([
  'package.json',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'go.mod',
  'Cargo.toml',
  'Makefile',
  'CMakeLists.txt',
  'pyproject.toml',
  'setup.py',
  'build.sbt',
  'mix.exs',
  'Gemfile',
  'composer.json',
  'BUILD.bazel',
  'WORKSPACE',
]);

const DEPENDENCY_BOTS = new Set([
  '.github/dependabot.yml',
  '.github/dependabot.yaml',
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.github/renovate.json',
  '.github/renovate.json5',
]);

const OTHER_CI: Array<[RegExp, string]> = [
  [/^\.gitlab-ci\.ya?ml$/, 'gitlab-ci'],
  [/^Jenkinsfile$/, 'jenkins'],
  [/^\.circleci\/config\.ya?ml$/, 'circleci'],
  [/^azure-pipelines\.ya?ml$/, 'azure-pipelines'],
  [/^\.buildkite\//, 'buildkite'],
  [/^\.travis\.ya?ml$/, 'travis'],
];

const ML_PIPELINES: Array<[(path: string) => boolean, string]> = [
  [p => basename(p) === 'dvc.yaml', 'dvc'],
  [p => basename(p) === 'MLproject', 'mlflow'],
  [p => /(^|\/)(kubeflow|kfp)(\/|[-_.])/i.test(p), 'kubeflow'],
  [p => dirs(p).includes('dags') && p.endsWith('.py'), 'airflow'],
  [p => /(^|\/)(tfx|vertex[-_]?pipelines?)(\/|[-_.])/i.test(p), 'tfx'],
  [p => /(^|\/)sagemaker[^/]*\.(ya?ml|json|py)$/i.test(p), 'sagemaker'],
  [p => basename(p) === 'zenml.yaml' || dirs(p).includes('.zen'), 'zenml'],
];

/**
 * Facts a repository's file list shows, named as in `REPO_FACT_NAMES`. For a
 * truncated tree (GitHub lists at most 100,000 entries) only what was found
 * is reported: an absent file proves nothing.
 *
 * With `scopePath` (an entity's `maturity.io/github-path` in a monorepo) the
 * facts are those of the files under it, except what only the repository
 * root can hold: CODEOWNERS and the Dependabot / Renovate config are read at
 * the root, CI config counts at the root or under the path, and a lockfile
 * or build file at the root (a workspace's) counts for every path.
 */
export function repoFactsFromTree(
  paths: string[],
  truncated: boolean,
  scopePath?: string,
): Record<string, RepoFactValue> {
  let facts: Record<string, RepoFactValue>;
  if (!scopePath) {
    facts = factsOfFiles(paths);
  } else {
    const whole = factsOfFiles(paths);
    const topLevel = factsOfFiles(paths.filter(p => !p.includes('/')));
    facts = factsOfFiles(
      paths
        .filter(p => p !== scopePath && isUnderPath(p, scopePath))
        .map(p => p.slice(scopePath.length + 1)),
    );
    facts.codeowners = whole.codeowners;
    facts.dependabot = whole.dependabot;
    facts.lockfile = facts.lockfile || topLevel.lockfile;
    facts['build-file'] = facts['build-file'] || topLevel['build-file'];
    facts['ci-config'] = facts['ci-config'] || whole['ci-config'];
    const ciSystem = facts['ci-system'] ?? whole['ci-system'];
    if (ciSystem !== undefined) facts['ci-system'] = ciSystem;
  }
  if (truncated) {
    for (const [name, value] of Object.entries(facts)) {
      if (value === false) delete facts[name];
    }
  }
  return facts;
}

function factsOfFiles(paths: string[]): Record<string, RepoFactValue> {
  const any = (test: (path: string) => boolean) => paths.some(test);
  const workflows = any(p => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(p));
  const otherCi = OTHER_CI.find(([rule]) => any(p => rule.test(p)))?.[1];
  const mlPipeline = ML_PIPELINES.find(([test]) => any(test))?.[1];

  const facts: Record<string, RepoFactValue> = {
    codeowners: any(p =>
      ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'].includes(p),
    ),
    lockfile: any(p => LOCKFILES.has(basename(p))),
    dependabot: any(p => DEPENDENCY_BOTS.has(p)),
    'ci-config': workflows || otherCi !== undefined,
    'build-file': any(
      p => BUILD_FILES.has(basename(p)) || /\.(csproj|sln)$/.test(p),
    ),
    dockerfile: any(p =>
      /^(Dockerfile|Containerfile)(\.[^/]+)?$|\.dockerfile$/i.test(basename(p)),
    ),
    tests: any(isTestPath),
    iac: any(
      p =>
        /\.(tf|bicep)$/.test(p) ||
        ['Pulumi.yaml', 'cdk.json', 'terragrunt.hcl'].includes(basename(p)),
    ),
    'api-spec': any(p =>
      /^(openapi|swagger|asyncapi)[^/]*\.(ya?ml|json)$/i.test(basename(p)),
    ),
    'gitops-manifest': any(
      p =>
        /^kustomization\.ya?ml$/.test(basename(p)) ||
        dirs(p).some(d => ['argocd', 'argo-cd', 'flux-system'].includes(d)) ||
        basename(p) === '.flux.yaml',
    ),
    'ml-pipeline-definition': mlPipeline ?? false,
  };
  if (workflows || otherCi) {
    facts['ci-system'] = workflows ? 'github-actions' : otherCi!;
  }
  return facts;
}
