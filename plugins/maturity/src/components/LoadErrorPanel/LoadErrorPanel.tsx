import { ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';

/** Props of {@link LoadErrorPanel}. */
export interface LoadErrorPanelProps {
  /** What could not be loaded, e.g. `Could not load the scorecard`. */
  title: string;
  error: Error;
  /** Loads again, e.g. the `retry` of `useAsyncRetry`. */
  onRetry: () => void;
}

/**
 * Why a view could not load its data, with a Try again button under it: what
 * a view shows in place of its content when its load failed.
 */
export function LoadErrorPanel(props: LoadErrorPanelProps) {
  const { title, error, onRetry } = props;
  return (
    <Grid container spacing={2} direction="column">
      <Grid item>
        <ResponseErrorPanel title={title} error={error} />
      </Grid>
      <Grid item>
        <Button variant="outlined" onClick={onRetry}>
          Try again
        </Button>
      </Grid>
    </Grid>
  );
}
