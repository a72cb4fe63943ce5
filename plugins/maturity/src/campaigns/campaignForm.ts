import {
  Campaign,
  CampaignGoal,
  CampaignInput,
  CategoryId,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CampaignField } from './campaignErrorField';

/** The scope lists the dialog edits as comma-separated text. */
export const SCOPE_LIST_FIELDS = [
  'owners',
  'systems',
  'domains',
  'kinds',
  'lifecycles',
  'types',
  'tags',
] as const;

export type ScopeListField = (typeof SCOPE_LIST_FIELDS)[number];

/** A milestone as typed: a day and a target in percent. */
export interface MilestoneRow {
  date: string;
  targetPercent: string;
}

/** What the campaign dialog edits, as the user typed it. */
export interface CampaignForm {
  title: string;
  description: string;
  ownerRef: string;
  scope: Record<ScopeListField, string>;
  includeSubgroups: boolean;
  goalType: CampaignGoal['type'];
  checkIds: string[];
  category: CategoryId;
  level: string;
  allowExemptions: boolean;
  startsOn: string;
  deadline: string;
  milestones: MilestoneRow[];
  /** Comma-separated days; empty for the configured default. */
  reminderDaysBefore: string;
}

export type CampaignFormErrors = Partial<Record<CampaignField, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dialog's fields for a campaign, or empty ones starting `today`. */
export function formOfCampaign(
  campaign: Campaign | undefined,
  today: string,
): CampaignForm {
  const scope = campaign?.scope ?? {};
  const goal = campaign?.goal;
  return {
    title: campaign?.title ?? '',
    description: campaign?.description ?? '',
    ownerRef: campaign?.ownerRef ?? '',
    scope: Object.fromEntries(
      SCOPE_LIST_FIELDS.map(key => [key, (scope[key] ?? []).join(', ')]),
    ) as Record<ScopeListField, string>,
    includeSubgroups: scope.includeSubgroups ?? true,
    goalType: goal?.type ?? 'checks',
    checkIds: goal?.type === 'checks' ? goal.checkIds : [],
    category: goal?.type === 'categoryLevel' ? goal.category : 'test',
    level: goal && goal.type !== 'checks' ? String(goal.level) : '3',
    allowExemptions: campaign?.allowExemptions ?? false,
    startsOn: campaign?.startsOn ?? today,
    deadline: campaign?.deadline ?? '',
    milestones: (campaign?.milestones ?? []).map(m => ({
      date: m.date,
      targetPercent: String(Math.round(m.targetShare * 1000) / 10),
    })),
    reminderDaysBefore: campaign ? campaign.reminderDaysBefore.join(', ') : '',
  };
}

/** `a, b  c` → `['a', 'b', 'c']`. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(value => value.trim())
    .filter(Boolean);
}

function goalOf(
  form: CampaignForm,
  errors: CampaignFormErrors,
): CampaignGoal | undefined {
  if (form.goalType === 'checks') {
    if (form.checkIds.length === 0) {
      errors['goal.checkIds'] = 'Choose at least one check.';
      return undefined;
    }
    return { type: 'checks', checkIds: form.checkIds };
  }
  const level = Number(form.level);
  if (!form.level.trim() || !Number.isInteger(level)) {
    errors['goal.level'] = 'Enter the level as a whole number.';
    return undefined;
  }
  if (form.goalType === 'categoryLevel') {
    return { type: 'categoryLevel', category: form.category, level };
  }
  return { type: form.goalType, level };
}

/**
 * The request body of the form, or what is missing or malformed. Only
 * what the browser can tell is checked here; the server checks the rest
 * (dates in order, known checks, levels in range) and names the field.
 */
export function inputOfForm(
  form: CampaignForm,
): { input: CampaignInput } | { errors: CampaignFormErrors } {
  const errors: CampaignFormErrors = {};
  if (!form.title.trim()) errors.title = 'Give the campaign a title.';
  if (!form.ownerRef.trim()) {
    errors.ownerRef = 'Name the group running it, e.g. group:default/platform.';
  }
  if (!DAY.test(form.startsOn)) errors.startsOn = 'Enter a day, YYYY-MM-DD.';
  if (!DAY.test(form.deadline)) errors.deadline = 'Enter a day, YYYY-MM-DD.';
  const goal = goalOf(form, errors);
  const milestones = form.milestones.map(row => ({
    date: row.date,
    targetShare: Number(row.targetPercent) / 100,
  }));
  if (
    form.milestones.some(
      row =>
        !DAY.test(row.date) ||
        !row.targetPercent.trim() ||
        !(Number(row.targetPercent) >= 0 && Number(row.targetPercent) <= 100),
    )
  ) {
    errors.milestones =
      'Give each milestone a day and a target between 0 and 100 %.';
  }
  const reminders = splitList(form.reminderDaysBefore).map(Number);
  if (reminders.some(days => !Number.isInteger(days) || days < 0)) {
    errors.reminderDaysBefore =
      'Enter whole numbers of days, separated by commas.';
  }
  if (Object.keys(errors).length > 0 || !goal) return { errors };

  const scope: EntityFilter = {};
  for (const key of SCOPE_LIST_FIELDS) {
    const values = splitList(form.scope[key]);
    if (values.length > 0) scope[key] = values;
  }
  if (scope.owners) scope.includeSubgroups = form.includeSubgroups;
  return {
    input: {
      title: form.title.trim(),
      description: form.description.trim(),
      ownerRef: form.ownerRef.trim(),
      scope,
      goal,
      allowExemptions: form.allowExemptions,
      startsOn: form.startsOn,
      deadline: form.deadline,
      milestones,
      ...(reminders.length > 0 ? { reminderDaysBefore: reminders } : {}),
    },
  };
}
