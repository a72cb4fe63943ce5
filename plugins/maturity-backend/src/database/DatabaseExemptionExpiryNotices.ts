import { Knex } from 'knex';
import { ExemptionExpiryNotices } from './ExemptionExpiryNotices';
import { listUnnotifiedExpiring } from './operations/exemptionNotices/listUnnotifiedExpiring';
import { recordExpiryNotices } from './operations/exemptionNotices/recordExpiryNotices';

/** Expiry notices on the plugin's own database. @internal */
export class DatabaseExemptionExpiryNotices implements ExemptionExpiryNotices {
  constructor(private readonly db: Knex) {}

  listUnnotifiedExpiring(from: Date, until: Date) {
    return listUnnotifiedExpiring(this.db, from, until);
  }

  recordExpiryNotices(exemptionIds: string[], at: Date) {
    return recordExpiryNotices(this.db, exemptionIds, at);
  }
}
