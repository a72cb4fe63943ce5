import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ScorecardSubject } from '../database/ScorecardStore';
import { entityOwnerRef } from './entityOwnerRef';
import {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

function refOf(
  value: unknown,
  defaultKind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return canonicalEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

/** What the evaluator needs to know about a catalog entity. */
export interface EvaluationSubject extends ScorecardSubject {
  tags: string[];
  annotations: Record<string, string>;
  providesApis: boolean;
  /** Share of description, owner, system, lifecycle, type, tags present. */
  catalogCompleteness: number;
}

/** Reads the catalog facts the rubric and rollups use from an entity. */
export function toEvaluationSubject(
  entity: Entity,
  systemDomains: Map<string, string>,
): EvaluationSubject {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ownerRef = entityOwnerRef(entity);
  const systemRef = refOf(spec.system, 'system', namespace);
  const present = [
    entity.metadata.description,
    spec.owner,
    spec.system,
    spec.lifecycle,
    spec.type,
    entity.metadata.tags?.length ? 'tags' : undefined,
  ].filter(Boolean).length;
  return {
    entityRef: canonicalEntityRef(entity),
    kind: canonicalEntityKind(entity.kind),
    type: typeof spec.type === 'string' ? spec.type : undefined,
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
    ownerRef,
    systemRef,
    domainRef: systemRef ? systemDomains.get(systemRef) : undefined,
    title: entity.metadata.title ?? entity.metadata.name,
    tags: entity.metadata.tags ?? [],
    annotations: entity.metadata.annotations ?? {},
    providesApis:
      Array.isArray(spec.providesApis) && spec.providesApis.length > 0,
    catalogCompleteness: present / 6,
  };
}
