export interface Config {
  /** Configuration for the Maturity plugin. */
  maturity?: {
    /** Demo data for trying the plugin without any tool connected. */
    demo?: {
      /**
       * Write twelve months of deterministic demo activity for every catalog
       * component. Never enable in production: it writes invented events.
       */
      enabled?: boolean;
    };
    /** Limits of the ingest API (`POST /api/maturity/v1/events`). */
    ingest?: {
      /** Most events one batch may hold. Default 1000. */
      maxEventsPerBatch?: number;
      /** Largest request body in bytes. Default 5 MiB. */
      maxBodyBytes?: number;
    };
  };
}
