import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityActivity } from '../EntityActivity';

/**
 * The Maturity tab of the current entity. For now it shows the entity's
 * recorded activity, the evidence every score is computed from.
 */
export function EntityMaturityContent() {
  const { entity } = useEntity();
  return <EntityActivity entityRef={stringifyEntityRef(entity)} />;
}
