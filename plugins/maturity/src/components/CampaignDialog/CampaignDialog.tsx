import { WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  Campaign,
  CampaignInput,
  CATEGORY_IDS,
  CategoryId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import { FormEvent, useEffect, useState } from 'react';
import {
  CampaignField,
  fieldOfError,
  milestoneOfError,
} from '../../campaigns/campaignErrorField';
import {
  CampaignForm,
  CampaignFormErrors,
  formOfCampaign,
  inputOfForm,
  ScopeListField,
} from '../../campaigns/campaignForm';
import { CATEGORY_TITLES } from '../../scorecard/categoryTitles';
import { useRubricChecks } from '../../scorecard/useCheckTitles';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(3) },
  checks: { minHeight: 160 },
  milestone: { display: 'flex', gap: theme.spacing(1), alignItems: 'start' },
}));

const SCOPE_LABELS: Record<ScopeListField, [string, string]> = {
  owners: ['Owner groups', 'group:default/payments, group:default/search'],
  systems: ['Systems', 'system:default/shop'],
  domains: ['Domains', 'domain:default/commerce'],
  kinds: ['Kinds', 'component, resource'],
  lifecycles: ['Lifecycles', 'production'],
  types: ['Types', 'service, website'],
  tags: ['Tags', 'java, ml'],
};

const GOAL_TYPES: Array<[CampaignForm['goalType'], string]> = [
  ['checks', 'Pass a set of checks'],
  ['categoryLevel', 'Reach a level in a category'],
  ['overallLevel', 'Reach an overall level'],
  ['mlopsLevel', 'Reach an MLOps level'],
];

function utcToday(): string {
  return new Date(Date.now()).toISOString().slice(0, 10);
}

/** What a refused save says, and the field it is about if it names one. */
export function describeCampaignError(error: Error): {
  field?: CampaignField;
  /** The milestone row a 400 names (`milestones[1].date: …`). */
  milestone?: number;
  message: string;
} {
  if (!ResponseError.is(error)) return { message: error.message };
  const detail = error.body?.error?.message || error.message;
  switch (error.statusCode) {
    case 400:
      return {
        field: fieldOfError(detail),
        milestone: milestoneOfError(detail),
        message: detail,
      };
    case 403:
      return {
        message: `You are not allowed to change campaigns: it needs maturity.campaign.manage. ${detail}`,
      };
    case 409:
      return {
        message: `The campaign has finished and is read-only now. ${detail}`,
      };
    default:
      return { message: detail };
  }
}

/** Props of {@link CampaignDialog}. */
export interface CampaignDialogProps {
  open: boolean;
  /** The campaign to edit; a new one when absent. */
  campaign?: Campaign;
  onClose: () => void;
  /**
   * Creates or saves the campaign; the dialog shows what it rejects with
   * (at the field a 400 names) and stays open. The caller closes it.
   */
  onSubmit: (input: CampaignInput) => Promise<void>;
}

/**
 * The form of a new or changed campaign: title, description, the group
 * running it, its scope (the scorecard list's filters), its goal, whether
 * exemptions count, its first day and deadline, milestones and reminders.
 */
export function CampaignDialog(props: CampaignDialogProps) {
  const { open, campaign, onClose, onSubmit } = props;
  const classes = useStyles();
  // A disabled check is never scored: a goal naming it is refused.
  const checks = useRubricChecks({ enabledOnly: true });
  const [form, setForm] = useState<CampaignForm>(() =>
    formOfCampaign(campaign, utcToday()),
  );
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [general, setGeneral] = useState<string>();
  const [badMilestone, setBadMilestone] = useState<number>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      setForm(formOfCampaign(campaign, utcToday()));
      setErrors({});
      setGeneral(undefined);
      setBadMilestone(undefined);
      setSubmitting(false);
    }
  }, [open, campaign]);

  const change = (next: Partial<CampaignForm>) =>
    setForm(current => ({ ...current, ...next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const result = inputOfForm(form);
    setGeneral(undefined);
    setBadMilestone(undefined);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await onSubmit(result.input);
    } catch (error) {
      const { field, milestone, message } = describeCampaignError(
        error as Error,
      );
      setBadMilestone(milestone);
      if (field) setErrors({ [field]: message });
      else setGeneral(message);
    } finally {
      setSubmitting(false);
    }
  };

  const text = (
    field: CampaignField,
    label: string,
    value: string,
    onChange: (value: string) => void,
    helper?: string,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      id={`maturity-campaign-${field.replace('.', '-')}`}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      error={!!errors[field]}
      helperText={errors[field] ?? helper}
      fullWidth
      variant="outlined"
      margin="dense"
      disabled={submitting}
      {...extra}
    />
  );

  const levelGoal = form.goalType !== 'checks';
  return (
    <Dialog
      open={open}
      onClose={submitting ? undefined : onClose}
      aria-labelledby="maturity-campaign-dialog-title"
      fullWidth
      maxWidth="md"
      scroll="paper"
    >
      <form onSubmit={submit} noValidate aria-label="Campaign">
        <DialogTitle id="maturity-campaign-dialog-title">
          {campaign ? `Edit “${campaign.title}”` : 'New campaign'}
        </DialogTitle>
        <DialogContent dividers>
          {text(
            'title',
            'Title',
            form.title,
            title => change({ title }),
            undefined,
            {
              required: true,
            },
          )}
          {text(
            'description',
            'Description',
            form.description,
            description => change({ description }),
            'Why it matters and where to get help.',
            { multiline: true, minRows: 2 },
          )}
          {text(
            'ownerRef',
            'Owner group',
            form.ownerRef,
            ownerRef => change({ ownerRef }),
            'The group running the campaign, e.g. group:default/platform.',
            { required: true },
          )}

          <Typography
            variant="subtitle1"
            component="h3"
            className={classes.section}
          >
            Scope
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Which evaluated entities it covers: each list accepts any of its
            values (comma-separated); an empty list accepts any value.
          </Typography>
          <Grid container spacing={1}>
            {(Object.keys(SCOPE_LABELS) as ScopeListField[]).map(key => (
              <Grid item xs={12} sm={6} key={key}>
                {text(
                  `scope.${key}` as CampaignField,
                  SCOPE_LABELS[key][0],
                  form.scope[key],
                  value => change({ scope: { ...form.scope, [key]: value } }),
                  `e.g. ${SCOPE_LABELS[key][1]}`,
                )}
                {key === 'owners' && (
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={form.includeSubgroups}
                        onChange={event =>
                          change({ includeSubgroups: event.target.checked })
                        }
                        disabled={submitting}
                      />
                    }
                    label="Include their sub-groups"
                  />
                )}
              </Grid>
            ))}
          </Grid>

          <FormControl
            component="fieldset"
            className={classes.section}
            error={!!errors['goal.type']}
            fullWidth
          >
            <FormLabel component="legend">Goal</FormLabel>
            <RadioGroup
              row
              value={form.goalType}
              onChange={event =>
                change({
                  goalType: event.target.value as CampaignForm['goalType'],
                })
              }
            >
              {GOAL_TYPES.map(([value, label]) => (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={<Radio disabled={submitting} />}
                  label={label}
                />
              ))}
            </RadioGroup>
            {errors['goal.type'] && (
              <FormHelperText>{errors['goal.type']}</FormHelperText>
            )}
          </FormControl>
          {form.goalType === 'checks' && (
            <TextField
              id="maturity-campaign-goal-checkIds"
              select
              label="Checks to pass"
              value={form.checkIds}
              onChange={event =>
                change({
                  checkIds: Array.from(
                    (event.target as unknown as HTMLSelectElement)
                      .selectedOptions,
                    option => option.value,
                  ),
                })
              }
              SelectProps={{
                native: true,
                multiple: true,
                classes: { select: classes.checks },
              }}
              InputLabelProps={{ shrink: true }}
              error={!!errors['goal.checkIds']}
              helperText={
                errors['goal.checkIds'] ??
                'Every chosen check must pass (or not apply) for an entity to meet the goal. Hold Ctrl or ⌘ to choose several.'
              }
              fullWidth
              variant="outlined"
              margin="dense"
              disabled={submitting}
            >
              {checks.map(check => (
                <option key={check.id} value={check.id}>
                  {check.title} ({check.id})
                </option>
              ))}
            </TextField>
          )}
          {levelGoal && (
            <Grid container spacing={1}>
              {form.goalType === 'categoryLevel' && (
                <Grid item xs={12} sm={6}>
                  <TextField
                    id="maturity-campaign-goal-category"
                    select
                    label="Category"
                    value={form.category}
                    onChange={event =>
                      change({ category: event.target.value as CategoryId })
                    }
                    SelectProps={{ native: true }}
                    error={!!errors['goal.category']}
                    helperText={errors['goal.category']}
                    fullWidth
                    variant="outlined"
                    margin="dense"
                    disabled={submitting}
                  >
                    {CATEGORY_IDS.map(id => (
                      <option key={id} value={id}>
                        {CATEGORY_TITLES[id]}
                      </option>
                    ))}
                  </TextField>
                </Grid>
              )}
              <Grid item xs={12} sm={6}>
                {text(
                  'goal.level',
                  'Level to reach',
                  form.level,
                  level => change({ level }),
                  form.goalType === 'mlopsLevel' ? '1 or 2' : '1 to 5',
                  { type: 'number', inputProps: { min: 1, max: 5 } },
                )}
              </Grid>
            </Grid>
          )}
          <FormControlLabel
            control={
              <Checkbox
                checked={form.allowExemptions}
                onChange={event =>
                  change({ allowExemptions: event.target.checked })
                }
                disabled={submitting}
              />
            }
            label="Approved exemptions count as meeting the goal"
          />

          <Typography
            variant="subtitle1"
            component="h3"
            className={classes.section}
          >
            Schedule
          </Typography>
          <Grid container spacing={1}>
            <Grid item xs={12} sm={6}>
              {text(
                'startsOn',
                'Starts on',
                form.startsOn,
                startsOn => change({ startsOn }),
                'First day (UTC); may lie in the past: its burn-up comes from the history.',
                {
                  type: 'date',
                  InputLabelProps: { shrink: true },
                  required: true,
                },
              )}
            </Grid>
            <Grid item xs={12} sm={6}>
              {text(
                'deadline',
                'Deadline',
                form.deadline,
                deadline => change({ deadline }),
                'Last day (UTC), included. Its figures are kept once it passes.',
                {
                  type: 'date',
                  InputLabelProps: { shrink: true },
                  required: true,
                },
              )}
            </Grid>
          </Grid>
          <FormControl
            component="fieldset"
            error={!!errors.milestones}
            fullWidth
            className={classes.section}
          >
            <FormLabel component="legend">Milestones</FormLabel>
            {form.milestones.map((row, index) => {
              const update = (next: Partial<typeof row>) =>
                change({
                  milestones: form.milestones.map((m, i) =>
                    i === index ? { ...m, ...next } : m,
                  ),
                });
              return (
                <div className={classes.milestone} key={index}>
                  <TextField
                    id={`maturity-campaign-milestone-${index}-date`}
                    label={`Milestone ${index + 1} day`}
                    type="date"
                    value={row.date}
                    onChange={event => update({ date: event.target.value })}
                    error={badMilestone === index}
                    InputLabelProps={{ shrink: true }}
                    variant="outlined"
                    margin="dense"
                    disabled={submitting}
                  />
                  <TextField
                    id={`maturity-campaign-milestone-${index}-target`}
                    label={`Milestone ${index + 1} target (%)`}
                    type="number"
                    value={row.targetPercent}
                    onChange={event =>
                      update({ targetPercent: event.target.value })
                    }
                    error={badMilestone === index}
                    inputProps={{ min: 0, max: 100 }}
                    variant="outlined"
                    margin="dense"
                    disabled={submitting}
                  />
                  <IconButton
                    aria-label={`Remove milestone ${index + 1}`}
                    onClick={() =>
                      change({
                        milestones: form.milestones.filter(
                          (_m, i) => i !== index,
                        ),
                      })
                    }
                    disabled={submitting}
                  >
                    <DeleteOutline />
                  </IconButton>
                </div>
              );
            })}
            <FormHelperText>
              {errors.milestones ??
                'The share of in-scope entities meeting the goal by a day, drawn on the burn-up.'}
            </FormHelperText>
            <div>
              <Button
                size="small"
                onClick={() =>
                  change({
                    milestones: [
                      ...form.milestones,
                      { date: '', targetPercent: '' },
                    ],
                  })
                }
                disabled={submitting}
              >
                Add milestone
              </Button>
            </div>
          </FormControl>
          {text(
            'reminderDaysBefore',
            'Reminders (days before the deadline)',
            form.reminderDaysBefore,
            reminderDaysBefore => change({ reminderDaysBefore }),
            'e.g. 14, 3: owners of entities still short are reminded then. Empty: the configured default.',
          )}
          {general && (
            <div className={classes.section}>
              <WarningPanel
                severity="error"
                title="Could not save the campaign"
                message={general}
                defaultExpanded
              />
            </div>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={submitting}
          >
            {campaign ? 'Save' : 'Create'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
