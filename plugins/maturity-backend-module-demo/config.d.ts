export interface Config {
  maturity?: {
    /** The demo source: invented activity for trying the plugin. */
    demo?: {
      /**
       * Write twelve months of deterministic demo activity for every catalog
       * component, and keep it current. Default false. Never enable in
       * production: it writes invented events.
       */
      enabled?: boolean;
    };
  };
}
