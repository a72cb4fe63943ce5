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

  it('evaluates a path of a monorepo, with CODEOWNERS and bot config at the root', () => {
    const paths = [
      '.github/CODEOWNERS',
      '.github/renovate.json',
      '.github/workflows/ci.yml',
      'package.json',
      'yarn.lock',
      'services/cart/package.json',
      'services/cart/Dockerfile',
      'services/cart/src/cart.test.ts',
      'services/checkout/src/pay.ts',
      'services/checkout/infra/main.tf',
      'services/checkout-legacy/Dockerfile',
      'services/checkout-legacy/openapi.yaml',
    ];
    expect(repoFactsFromTree(paths, false, 'services/checkout')).toEqual({
      codeowners: true,
      dependabot: true,
      'ci-config': true,
      'ci-system': 'github-actions',
      // The workspace's root lockfile and build file count for every path.
      lockfile: true,
      'build-file': true,
      // What lies under the path only (not under checkout-legacy).
      dockerfile: false,
      tests: false,
      iac: true,
      'api-spec': false,
      'gitops-manifest': false,
      'ml-pipeline-definition': false,
    });
    expect(repoFactsFromTree(paths, false, 'services/cart')).toMatchObject({
      dockerfile: true,
      tests: true,
      iac: false,
    });
    // A path with its own CI and no root workflows.
    expect(
      repoFactsFromTree(['svc/Jenkinsfile', 'other/x.go'], false, 'svc'),
    ).toMatchObject({ 'ci-config': true, 'ci-system': 'jenkins' });
  });
});
