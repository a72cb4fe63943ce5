import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CampaignGoal,
  CampaignInput,
  CampaignMilestone,
  EntityFilter,
  Rubric,
  utcDayOf,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { isCalendarDate } from '../calendarTime';

// Lone UTF-16 surrogates: in a `u` regex a well-formed pair is one code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** The highest level of a category goal, and of an MLOps goal. */
const MAX_LEVEL = 5;
const MAX_MLOPS_LEVEL = 2;

/**
 * How far a campaign may reach: a start back-filled from history at most
 * a year back, a run of at most two years. Every day of the run is
 * computed, so an unbounded one (a start in year 1) would stall the
 * progress of every campaign.
 */
const MAX_START_DAYS_BACK = 366;
const MAX_RUN_DAYS = 731;

/** The kinds whose entities own others. */
const OWNER_KINDS = ['group', 'user'];

/**
 * A campaign's input with what the spec's schema cannot say checked (a
 * 400 naming the field), its refs canonical, and every default applied:
 * what the store keeps. The schema has checked the shape already.
 */
export function validateCampaignInput(
  input: CampaignInput,
  options: {
    /** The active rubric: goal checks and categories must be its. */
    rubric: Rubric;
    /** For an input without its own reminders. */
    defaultReminderDaysBefore: number[];
    /** The UTC day of the change, `YYYY-MM-DD`. */
    today: string;
    /**
     * The start of the campaign being changed: kept as it is, it is not
     * held to the bound on how far back a start may be.
     */
    storedStartsOn?: string;
  },
): Required<CampaignInput> {
  const title = wellFormed('title', input.title).trim();
  if (!title) throw new InputError('title: must not be blank');
  const description = wellFormed('description', input.description ?? '');
  const startsOn = calendarDay('startsOn', input.startsOn);
  const deadline = calendarDay('deadline', input.deadline);
  if (deadline < startsOn) {
    throw new InputError('deadline: must not be before startsOn');
  }
  if (
    startsOn !== options.storedStartsOn &&
    utcDayOf(options.today) - utcDayOf(startsOn) > MAX_START_DAYS_BACK
  ) {
    throw new InputError(
      `startsOn: must be at most ${MAX_START_DAYS_BACK} days before today`,
    );
  }
  // A campaign ending in the past would be finished, read-only, at once.
  if (deadline < options.today) {
    throw new InputError('deadline: must not be before today');
  }
  if (utcDayOf(deadline) - utcDayOf(startsOn) > MAX_RUN_DAYS) {
    throw new InputError(
      `deadline: must be at most ${MAX_RUN_DAYS} days after startsOn`,
    );
  }
  const ownerRef = canonicalGroupRef('ownerRef', input.ownerRef);
  return {
    title,
    description: description.trim(),
    ownerRef,
    scope: validScope(input.scope),
    goal: validGoal(input.goal, options.rubric),
    allowExemptions: input.allowExemptions ?? false,
    startsOn,
    deadline,
    milestones: validMilestones(input.milestones ?? [], startsOn, deadline),
    reminderDaysBefore: [
      ...new Set(input.reminderDaysBefore ?? options.defaultReminderDaysBefore),
    ].sort((a, b) => b - a),
  };
}

function wellFormed(field: string, value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new InputError(`${field}: must be well-formed Unicode`);
  }
  return value;
}

function calendarDay(field: string, day: string): string {
  if (!isCalendarDate(day)) {
    throw new InputError(
      `${field}: must be a day of the calendar (YYYY-MM-DD)`,
    );
  }
  return day;
}

/** A full ref in canonical form; the namespace defaults to `default`. */
function fullRef(field: string, ref: string): string {
  try {
    return canonicalEntityRef(
      parseEntityRef(ref, { defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `${field}: must be an entity ref (kind:namespace/name), got '${ref}'`,
    );
  }
}

/**
 * A group's ref in canonical form (the namespace defaults to `default`);
 * an InputError naming `field` for any other ref.
 */
export function canonicalGroupRef(field: string, ref: string): string {
  const full = fullRef(field, ref);
  if (!full.startsWith('group:')) {
    throw new InputError(
      `${field}: must be a group ref (group:namespace/name), got '${full}'`,
    );
  }
  return full;
}

function refsOfKind(
  field: string,
  refs: string[] | undefined,
  kinds: string[],
): string[] | undefined {
  if (refs === undefined) return undefined;
  const canonical = refs.map((ref, i) => {
    const full = fullRef(`${field}[${i}]`, ref);
    if (!kinds.some(kind => full.startsWith(`${kind}:`))) {
      throw new InputError(
        `${field}[${i}]: must be a ${kinds.join(' or ')} ref (${kinds
          .map(kind => `${kind}:namespace/name`)
          .join(' or ')}), got '${full}'`,
      );
    }
    return full;
  });
  return [...new Set(canonical)];
}

/** Each value once; each well-formed. */
function distinct(field: string, values: string[] | undefined) {
  values?.forEach((value, i) => wellFormed(`${field}[${i}]`, value));
  return values && [...new Set(values)];
}

function validScope(scope: EntityFilter): EntityFilter {
  const filter: EntityFilter = {
    // Only groups and users own entities: any other kind would leave the
    // scope empty without a word.
    owners: refsOfKind('scope.owners', scope.owners, OWNER_KINDS),
    includeSubgroups: scope.includeSubgroups,
    systems: refsOfKind('scope.systems', scope.systems, ['system']),
    domains: refsOfKind('scope.domains', scope.domains, ['domain']),
    kinds: distinct('scope.kinds', scope.kinds?.map(canonicalEntityKind)),
    lifecycles: distinct('scope.lifecycles', scope.lifecycles),
    types: distinct('scope.types', scope.types),
    tags: distinct('scope.tags', scope.tags),
  };
  // Only what was given, so the stored scope reads as it was written.
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  );
}

function validGoal(goal: CampaignGoal, rubric: Rubric): CampaignGoal {
  switch (goal.type) {
    case 'checks': {
      const known = new Map(
        [...rubric.categories.flatMap(c => c.levels), ...rubric.mlops.levels]
          .flatMap(level => level.checks)
          .map(check => [check.id, check]),
      );
      goal.checkIds.forEach((id, i) => {
        const check = known.get(id);
        if (!check) {
          throw new InputError(`goal.checkIds[${i}]: unknown check "${id}"`);
        }
        // A disabled check is never evaluated, so it would count as met.
        if (!check.enabled) {
          throw new InputError(
            `goal.checkIds[${i}]: check "${id}" is disabled`,
          );
        }
      });
      return { type: 'checks', checkIds: [...new Set(goal.checkIds)] };
    }
    case 'categoryLevel':
      if (!rubric.categories.some(c => c.id === goal.category)) {
        throw new InputError(
          `goal.category: unknown category "${goal.category}"`,
        );
      }
      return {
        type: 'categoryLevel',
        category: goal.category,
        level: goalLevel('goal.level', goal.level, MAX_LEVEL),
      };
    case 'overallLevel':
      return {
        type: 'overallLevel',
        level: goalLevel('goal.level', goal.level, MAX_LEVEL),
      };
    case 'mlopsLevel':
      return {
        type: 'mlopsLevel',
        level: goalLevel('goal.level', goal.level, MAX_MLOPS_LEVEL),
      };
    default:
      throw new InputError(
        `goal.type: must be checks, categoryLevel, overallLevel or mlopsLevel`,
      );
  }
}

function goalLevel(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(`${field}: must be an integer from 1 to ${max}`);
  }
  return value;
}

function validMilestones(
  milestones: CampaignMilestone[],
  startsOn: string,
  deadline: string,
): CampaignMilestone[] {
  const seen = new Set<string>();
  milestones.forEach(({ date }, i) => {
    const field = `milestones[${i}].date`;
    calendarDay(field, date);
    if (date < startsOn || date > deadline) {
      throw new InputError(
        `${field}: must be between startsOn and deadline (${startsOn} to ${deadline})`,
      );
    }
    if (seen.has(date)) throw new InputError(`${field}: given twice`);
    seen.add(date);
  });
  return milestones
    .map(({ date, targetShare }) => ({ date, targetShare }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
