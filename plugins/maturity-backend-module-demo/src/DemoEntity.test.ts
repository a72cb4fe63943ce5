import {
  DemoEntity,
  demoSlug,
  isDeployable,
  isMlEntity,
  isNotebookPrototype,
  ownerGroupName,
} from './DemoEntity';

describe('demoSlug', () => {
  it('uses the bare name for components in the default namespace', () => {
    expect(demoSlug('component:default/checkout-api')).toBe('checkout-api');
  });

  it('keeps kind and namespace otherwise, so ids stay unique', () => {
    expect(demoSlug('component:shop/checkout-api')).toBe(
      'component.shop.checkout-api',
    );
    expect(demoSlug('resource:default/orders-db')).toBe(
      'resource.default.orders-db',
    );
  });
});

describe('isDeployable', () => {
  it('deploys services, websites and ML pipelines but not libraries', () => {
    const entity = (type: string) => ({
      entityRef: 'component:default/x',
      type,
      owner: 'platform',
    });
    expect(isDeployable(entity('service'))).toBe(true);
    expect(isDeployable(entity('website'))).toBe(true);
    expect(isDeployable(entity('ml-pipeline'))).toBe(true);
    expect(isDeployable(entity('library'))).toBe(false);
    expect(isDeployable(entity('documentation'))).toBe(false);
  });
});

describe('ML components', () => {
  const entity = (
    type: string,
    lifecycle: string,
    tags?: string[],
  ): DemoEntity => ({
    entityRef: 'component:default/x',
    type,
    owner: 'ml-platform',
    lifecycle,
    tags,
  });

  it('knows them by ML type or the ml tag', () => {
    expect(isMlEntity(entity('ml-pipeline', 'production'))).toBe(true);
    expect(isMlEntity(entity('ml-model', 'production'))).toBe(true);
    expect(isMlEntity(entity('service', 'production', ['python', 'ml']))).toBe(
      true,
    );
    expect(isMlEntity(entity('service', 'production', ['python']))).toBe(false);
  });

  it('keeps an experimental ML component a notebook prototype that does not deploy', () => {
    const prototype = entity('service', 'experimental', ['ml']);
    expect(isNotebookPrototype(prototype)).toBe(true);
    expect(isDeployable(prototype)).toBe(false);
    expect(isNotebookPrototype(entity('service', 'experimental'))).toBe(false);
    expect(isNotebookPrototype(entity('service', 'production', ['ml']))).toBe(
      false,
    );
  });
});

describe('ownerGroupName', () => {
  it('accepts names and group references', () => {
    expect(ownerGroupName('payments')).toBe('payments');
    expect(ownerGroupName('group:default/payments')).toBe('payments');
    expect(ownerGroupName('group:payments')).toBe('payments');
  });
});
