import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useState } from 'react';
import { EntityActivity } from '../EntityActivity';
import { EntityScorecard } from '../EntityScorecard';

type View = 'scorecard' | 'evidence';

/**
 * The Maturity tab of the current entity: its scorecard, and the recorded
 * activity every score is computed from as the "Evidence" view.
 */
export function EntityMaturityContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [view, setView] = useState<View>('scorecard');
  return (
    <>
      <Box mb={2}>
        <Tabs
          value={view}
          onChange={(_event, next: View) => setView(next)}
          indicatorColor="primary"
          textColor="primary"
          aria-label="Maturity views"
        >
          <Tab
            value="scorecard"
            label="Scorecard"
            id="maturity-tab-scorecard"
            aria-controls="maturity-panel-scorecard"
          />
          <Tab
            value="evidence"
            label="Evidence"
            id="maturity-tab-evidence"
            aria-controls="maturity-panel-evidence"
          />
        </Tabs>
      </Box>
      <div
        role="tabpanel"
        id={`maturity-panel-${view}`}
        aria-labelledby={`maturity-tab-${view}`}
      >
        {view === 'scorecard' ? (
          <EntityScorecard entityRef={entityRef} />
        ) : (
          <EntityActivity entityRef={entityRef} />
        )}
      </div>
    </>
  );
}
