import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { LEVEL_NAMES, MaturityLevel } from '@internal/plugin-maturity-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { ChangeEvent, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { ScorecardFilters } from '../ScorecardSummaryTable';

/** What the inputs hold; empty strings mean "any". */
interface FilterForm {
  owner: string;
  includeSubgroups: boolean;
  system: string;
  domain: string;
  kind: string;
  lifecycle: string;
  minLevel: string;
  maxLevel: string;
  q: string;
}

const EMPTY_FORM: FilterForm = {
  owner: '',
  includeSubgroups: true,
  system: '',
  domain: '',
  kind: '',
  lifecycle: '',
  minLevel: '',
  maxLevel: '',
  q: '',
};

const KINDS = ['component', 'api', 'resource', 'system'];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const LEVELS: MaturityLevel[] = [0, 1, 2, 3, 4, 5];

/** Milliseconds the bar waits after the last keystroke before filtering. */
export const FILTER_DEBOUNCE_MS = 300;

/** `payments` → `group:default/payments`; full references are kept. */
export function toEntityRef(text: string, defaultKind: string): string {
  const trimmed = text.trim();
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return trimmed;
  }
}

/** The list filters the form describes; blank inputs are left out. */
export function toFilters(form: FilterForm): ScorecardFilters {
  const filters: ScorecardFilters = {};
  if (form.owner.trim()) {
    filters.owner = [toEntityRef(form.owner, 'group')];
    filters.includeSubgroups = form.includeSubgroups;
  }
  if (form.system.trim()) filters.system = toEntityRef(form.system, 'system');
  if (form.domain.trim()) filters.domain = toEntityRef(form.domain, 'domain');
  if (form.kind) filters.kind = form.kind;
  if (form.lifecycle) filters.lifecycle = form.lifecycle;
  if (form.minLevel !== '') filters.minLevel = Number(form.minLevel);
  if (form.maxLevel !== '') filters.maxLevel = Number(form.maxLevel);
  if (form.q.trim()) filters.q = form.q.trim();
  return filters;
}

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  text: { minWidth: 180 },
  select: { minWidth: 140 },
}));

/** Props of {@link ScorecardFilterBar}. */
export interface ScorecardFilterBarProps {
  /** Called with the new filters shortly after the inputs change. */
  onChange: (filters: ScorecardFilters) => void;
}

/**
 * Filters of the scorecard list: owner group (with its sub-groups), system,
 * domain, kind, lifecycle, level range and a search. Typing is debounced so
 * the server is asked once per pause, not once per keystroke.
 */
export function ScorecardFilterBar(props: ScorecardFilterBarProps) {
  const { onChange } = props;
  const classes = useStyles();
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const emitted = useRef(JSON.stringify(toFilters(EMPTY_FORM)));

  useDebounce(
    () => {
      const filters = toFilters(form);
      const key = JSON.stringify(filters);
      if (key !== emitted.current) {
        emitted.current = key;
        onChange(filters);
      }
    },
    FILTER_DEBOUNCE_MS,
    [form],
  );

  const text =
    (field: keyof FilterForm) => (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.target.value;
      setForm(prev => ({ ...prev, [field]: value }));
    };

  const textInput = (
    field: 'q' | 'owner' | 'system' | 'domain',
    label: string,
    placeholder?: string,
  ) => (
    <TextField
      variant="outlined"
      size="small"
      label={label}
      placeholder={placeholder}
      id={`maturity-filter-${field}`}
      value={form[field]}
      onChange={text(field)}
      className={classes.text}
    />
  );

  const select = (
    field: keyof FilterForm,
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <TextField
      select
      variant="outlined"
      size="small"
      label={label}
      id={`maturity-filter-${field}`}
      value={form[field]}
      onChange={text(field)}
      className={classes.select}
    >
      <MenuItem value="">Any</MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );

  const levelOptions = LEVELS.map(level => ({
    value: String(level),
    label: `${level} · ${LEVEL_NAMES[level]}`,
  }));

  return (
    <div className={classes.bar} role="search" aria-label="Filter scorecards">
      {textInput('q', 'Search', 'Name or title')}
      {textInput('owner', 'Owner group', 'payments')}
      <FormControlLabel
        control={
          <Checkbox
            checked={form.includeSubgroups}
            onChange={event =>
              setForm(prev => ({
                ...prev,
                includeSubgroups: event.target.checked,
              }))
            }
            color="primary"
          />
        }
        label="Include sub-groups"
      />
      {textInput('system', 'System')}
      {textInput('domain', 'Domain')}
      {select(
        'kind',
        'Kind',
        KINDS.map(kind => ({ value: kind, label: kind })),
      )}
      {select(
        'lifecycle',
        'Lifecycle',
        LIFECYCLES.map(lifecycle => ({ value: lifecycle, label: lifecycle })),
      )}
      {select('minLevel', 'Min level', levelOptions)}
      {select('maxLevel', 'Max level', levelOptions)}
    </div>
  );
}
