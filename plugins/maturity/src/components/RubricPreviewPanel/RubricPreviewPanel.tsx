import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { RubricPreviewResult } from '../RubricPreviewResult';
import { parseRubricOverride } from './parseRubricOverride';

/** Affected entities per page. */
const PAGE_SIZE = 20;

const PLACEHOLDER = `checks:
  build-deploy.4.ci-success-rate:
    threshold: 0.95
  test.3.e2e-tests:
    enabled: false`;

/** The message of a refused override: it names the path of the bad field. */
function refusal(error: Error): string | undefined {
  if (error instanceof ResponseError && error.statusCode === 400) {
    return error.body.error.message;
  }
  return undefined;
}

/**
 * Paste a proposed `maturity.rubric` override (YAML or JSON) and see, before
 * it is merged, which entities' levels it would change, why and for which
 * teams, computed on the server from the stored results.
 */
export function RubricPreviewPanel() {
  const maturityApi = useApi(maturityApiRef);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [request, setRequest] = useState<{
    rubric: Record<string, unknown>;
    page: number;
  }>();
  const { loading, error, value } = useAsync(
    async () =>
      request &&
      maturityApi.previewRubric(request.rubric, {
        limit: PAGE_SIZE,
        offset: request.page * PAGE_SIZE,
      }),
    [maturityApi, request],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRubricOverride(text);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      setRequest(undefined);
      return;
    }
    setProblem(undefined);
    setRequest({ rubric: parsed.rubric, page: 0 });
  };

  const refused = error ? refusal(error) : undefined;
  return (
    <Grid container spacing={2} direction="column">
      <Grid item>
        <Typography variant="body1" paragraph>
          Paste a proposed rubric override, as it would go under{' '}
          <code>maturity.rubric</code> in app-config, to see whose levels it
          would change before it is applied. It is compared with the active
          rubric on every entity's latest stored results; nothing is changed.
        </Typography>
        <form onSubmit={submit} aria-label="Rubric override">
          <TextField
            id="maturity-rubric-override"
            label="Rubric override (YAML or JSON)"
            multiline
            minRows={8}
            fullWidth
            variant="outlined"
            value={text}
            placeholder={PLACEHOLDER}
            onChange={event => setText(event.target.value)}
            inputProps={{
              spellCheck: false,
              style: { fontFamily: 'monospace' },
            }}
          />
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={loading}
            style={{ marginTop: 8 }}
          >
            Preview
          </Button>
        </form>
      </Grid>
      {(problem || refused) && (
        <Grid item>
          <Typography color="error" role="alert">
            {problem ?? refused}
          </Typography>
        </Grid>
      )}
      {error && !refused && (
        <Grid item>
          <ResponseErrorPanel
            title="Could not preview the override"
            error={error}
          />
        </Grid>
      )}
      {loading && (
        <Grid item>
          <Progress />
        </Grid>
      )}
      {value && !error && !problem && (
        <Grid item>
          <RubricPreviewResult
            preview={value}
            onPageChange={page =>
              setRequest(current => current && { ...current, page })
            }
          />
        </Grid>
      )}
    </Grid>
  );
}
