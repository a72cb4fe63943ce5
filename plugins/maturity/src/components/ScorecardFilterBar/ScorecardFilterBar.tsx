import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  LEVEL_NAMES,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { ChangeEvent, useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { BAND_FILTER_LABELS } from '../../scorecard/bandLabels';
import { checkTitle } from '../../scorecard/categoryTitles';
import { mlopsLevelLabel } from '../../scorecard/mlopsLevelLabel';
import { filtersKey } from '../../scorecard/scorecardFilterParams';
import { useRubricChecks } from '../../scorecard/useCheckTitles';
import { shortEntityRef } from '../EntityMaturityLink';
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
  minMlopsLevel: string;
  maxMlopsLevel: string;
  deliveryBand: string;
  failingCheck: string;
  waivedCheck: string;
  /** Levels read as they would be without waivers. */
  withoutWaivers: boolean;
  q: string;
}

const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const LEVELS: MaturityLevel[] = [0, 1, 2, 3, 4, 5];
const MLOPS_LEVELS = [0, 1, 2];

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
  const owners = form.owner
    .split(',')
    .map(owner => owner.trim())
    .filter(Boolean);
  if (owners.length > 0) {
    filters.owner = owners.map(owner => toEntityRef(owner, 'group'));
    filters.includeSubgroups = form.includeSubgroups;
  }
  if (form.system.trim()) filters.system = toEntityRef(form.system, 'system');
  if (form.domain.trim()) filters.domain = toEntityRef(form.domain, 'domain');
  if (form.kind) filters.kind = form.kind;
  if (form.lifecycle) filters.lifecycle = form.lifecycle;
  if (form.minLevel !== '') filters.minLevel = Number(form.minLevel);
  if (form.maxLevel !== '') filters.maxLevel = Number(form.maxLevel);
  if (form.minMlopsLevel !== '') {
    filters.minMlopsLevel = Number(form.minMlopsLevel);
  }
  if (form.maxMlopsLevel !== '') {
    filters.maxMlopsLevel = Number(form.maxMlopsLevel);
  }
  if (form.deliveryBand) {
    filters.deliveryBand =
      form.deliveryBand as ScorecardFilters['deliveryBand'];
  }
  if (form.failingCheck) filters.failingCheck = form.failingCheck;
  if (form.waivedCheck) filters.waivedCheck = form.waivedCheck;
  if (form.withoutWaivers) filters.levels = 'withoutWaivers';
  if (form.q.trim()) filters.q = form.q.trim();
  return filters;
}

/** The form showing the filters: references short where unambiguous. */
export function toForm(filters: ScorecardFilters): FilterForm {
  const short = (ref: string | undefined, kind: string) =>
    ref ? shortEntityRef(ref, kind) : '';
  return {
    owner: (filters.owner ?? []).map(ref => short(ref, 'group')).join(', '),
    includeSubgroups: filters.owner?.length ? !!filters.includeSubgroups : true,
    system: short(filters.system, 'system'),
    domain: short(filters.domain, 'domain'),
    kind: filters.kind ?? '',
    lifecycle: filters.lifecycle ?? '',
    minLevel: filters.minLevel === undefined ? '' : String(filters.minLevel),
    maxLevel: filters.maxLevel === undefined ? '' : String(filters.maxLevel),
    minMlopsLevel:
      filters.minMlopsLevel === undefined ? '' : String(filters.minMlopsLevel),
    maxMlopsLevel:
      filters.maxMlopsLevel === undefined ? '' : String(filters.maxMlopsLevel),
    deliveryBand: filters.deliveryBand ?? '',
    failingCheck: filters.failingCheck ?? '',
    waivedCheck: filters.waivedCheck ?? '',
    withoutWaivers: filters.levels === 'withoutWaivers',
    q: filters.q ?? '',
  };
}

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  text: { minWidth: 180 },
  // Wide enough for each label beside the select's arrow ("Delivery band",
  // "Max MLOps level"): an empty select is no wider than its minimum.
  select: { minWidth: 160 },
  mlopsSelect: { minWidth: 180 },
  check: { minWidth: 220, maxWidth: 360 },
  menu: { maxHeight: 360 },
}));

/** Props of {@link ScorecardFilterBar}. */
export interface ScorecardFilterBarProps {
  /**
   * The filters in force, e.g. from the page's URL. The inputs follow when
   * they change from outside, such as a drill-down link on the same page.
   */
  filters?: ScorecardFilters;
  /** Called with the new filters shortly after the inputs change. */
  onChange: (filters: ScorecardFilters) => void;
  /**
   * The kinds to offer, e.g. those with scorecards. The kind filter is
   * hidden when there are fewer than two and none is chosen.
   */
  kinds?: string[];
  /**
   * Whether to offer the MLOps level filters, e.g. when the organisation
   * has ML entities. They are shown anyway while one is chosen.
   */
  mlops?: boolean;
}

/**
 * Filters of the scorecard list: owner group (with its sub-groups), system,
 * domain, kind, lifecycle, level range, MLOps level range (ML entities
 * only), delivery band, a failing check (or a waived one) and a search;
 * and whether levels are read without waivers. Typing is debounced so the
 * server is asked once per pause, not once per keystroke.
 */
export function ScorecardFilterBar(props: ScorecardFilterBarProps) {
  const { filters = {}, onChange, kinds = [], mlops = false } = props;
  const classes = useStyles();
  const checks = useRubricChecks();
  const [form, setForm] = useState<FilterForm>(() => toForm(filters));
  const emitted = useRef(filtersKey(filters));

  // Filters changed from outside: show them.
  const incomingKey = filtersKey(filters);
  const incoming = useRef(filters);
  incoming.current = filters;
  useEffect(() => {
    if (incomingKey !== emitted.current) {
      emitted.current = incomingKey;
      setForm(toForm(incoming.current));
    }
  }, [incomingKey]);

  useDebounce(
    () => {
      const next = toFilters(form);
      const key = filtersKey(next);
      if (key !== emitted.current) {
        emitted.current = key;
        onChange(next);
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
    className = classes.select,
  ) => (
    <TextField
      select
      variant="outlined"
      size="small"
      label={label}
      id={`maturity-filter-${field}`}
      value={form[field]}
      onChange={text(field)}
      className={className}
      SelectProps={{ MenuProps: { classes: { paper: classes.menu } } }}
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
  const mlopsLevelOptions = MLOPS_LEVELS.map(level => ({
    value: String(level),
    label: mlopsLevelLabel(level),
  }));
  const kindOptions = [...new Set([...kinds, form.kind].filter(Boolean))];
  const checkOptions = checks.map(check => ({
    value: check.id,
    label: check.title,
  }));
  const withChosen = (chosen: string) =>
    // Chosen before the active rubric has loaded: its default-rubric title.
    chosen && !checks.some(c => c.id === chosen)
      ? [...checkOptions, { value: chosen, label: checkTitle(chosen) }]
      : checkOptions;

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
      {kindOptions.length > 1 || form.kind
        ? select(
            'kind',
            'Kind',
            kindOptions.map(kind => ({ value: kind, label: kind })),
          )
        : null}
      {select(
        'lifecycle',
        'Lifecycle',
        LIFECYCLES.map(lifecycle => ({ value: lifecycle, label: lifecycle })),
      )}
      {select('minLevel', 'Min level', levelOptions)}
      {select('maxLevel', 'Max level', levelOptions)}
      {mlops || form.minMlopsLevel || form.maxMlopsLevel ? (
        <>
          {select(
            'minMlopsLevel',
            'Min MLOps level',
            mlopsLevelOptions,
            classes.mlopsSelect,
          )}
          {select(
            'maxMlopsLevel',
            'Max MLOps level',
            mlopsLevelOptions,
            classes.mlopsSelect,
          )}
        </>
      ) : null}
      {select(
        'deliveryBand',
        'Delivery band',
        Object.entries(BAND_FILTER_LABELS).map(([value, label]) => ({
          value,
          label,
        })),
      )}
      {select(
        'failingCheck',
        'Failing check',
        withChosen(form.failingCheck),
        classes.check,
      )}
      {/* Set by a rollup's "waived" count; shown while chosen. */}
      {form.waivedCheck
        ? select(
            'waivedCheck',
            'Waived check',
            withChosen(form.waivedCheck),
            classes.check,
          )
        : null}
      <FormControlLabel
        control={
          <Checkbox
            checked={form.withoutWaivers}
            onChange={event =>
              setForm(prev => ({
                ...prev,
                withoutWaivers: event.target.checked,
              }))
            }
            color="primary"
          />
        }
        label="Levels without waivers"
      />
    </div>
  );
}
