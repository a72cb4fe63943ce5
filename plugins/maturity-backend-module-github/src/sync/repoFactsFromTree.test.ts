import { repoFactsFromTree } from './repoFactsFromTree';

describe('repoFactsFromTree', () => {
  it('reads the facts a file list shows', () => {
    expect(
      repoFactsFromTree(
        [
          '.github/CODEOWNERS',
          '.github/dependabot.yml',
          '.github/workflows/ci.yml',
          'package.json',
          'yarn.lock',
          'Dockerfile',
          'src/cart.test.ts',
          'infra/main.tf',
          'api/openapi.yaml',
          'deploy/overlays/prod/kustomization.yaml',
          'pipelines/dvc.yaml',
        ],
        false,
      ),
    ).toEqual({
      codeowners: true,
      lockfile: true,
      dependabot: true,
      'ci-config': true,
      'ci-system': 'github-actions',
      'build-file': true,
      dockerfile: true,
      tests: true,
      iac: true,
      'api-spec': true,
      'gitops-manifest': true,
      'ml-pipeline-definition': 'dvc',
    });
  });

  it('reports absences as false, except for a truncated tree', () => {
    expect(repoFactsFromTree(['README.md'], false)).toMatchObject({
      codeowners: false,
      tests: false,
      'ml-pipeline-definition': false,
    });
    expect(
      repoFactsFromTree(['Jenkinsfile', 'src/test/java/CartTest.java'], true),
    ).toEqual({
      'ci-config': true,
      'ci-system': 'jenkins',
      tests: true,
    });
  });
});
