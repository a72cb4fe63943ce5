import {
  Exemption,
  ExemptionEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { ExemptionStore, ExemptionTransition } from './ExemptionStore';
import { createExemption } from './operations/exemptions/createExemption';
import { expireExemptions } from './operations/exemptions/expireExemptions';
import { listApprovedExemptions } from './operations/exemptions/listApprovedExemptions';
import { listEntityExemptions } from './operations/exemptions/listEntityExemptions';
import { listExemptionEvents } from './operations/exemptions/listExemptionEvents';
import { readExemption } from './operations/exemptions/readExemption';
import { transitionExemption } from './operations/exemptions/transitionExemption';

/**
 * Exemptions on the plugin's own database; each statement lives in
 * `operations/exemptions`.
 * @internal
 */
export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  createExemption(
    exemption: Exemption,
    events: Omit<ExemptionEvent, 'exemptionId' | 'entityRef' | 'checkId'>[],
  ) {
    return createExemption(this.db, exemption, events);
  }

  listExemptions(entityRefs: string[]) {
    return listApprovedExemptions(this.db, entityRefs);
  }

  listEntityExemptions(entityRef: string) {
    return listEntityExemptions(this.db, entityRef);
  }

  getExemption(id: string) {
    return readExemption(this.db, id);
  }

  transitionExemption(transition: ExemptionTransition) {
    return transitionExemption(this.db, transition);
  }

  listExemptionEvents(entityRef: string) {
    return listExemptionEvents(this.db, entityRef);
  }

  expireExemptions(now: Date, actor: string) {
    return expireExemptions(this.db, now, actor);
  }
}
