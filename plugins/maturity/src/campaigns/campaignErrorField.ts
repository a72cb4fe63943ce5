/**
 * The dialog fields a refused campaign's message can name. The server
 * answers 400 with the path of the bad field first
 * (`deadline: must not be before startsOn`, `goal.checkIds[1]: unknown check "x"`,
 * `milestones[0].date: …`); the spec's schema checks name it as
 * `request/body/<path> …` or a missing `required property '<name>'`.
 */
export type CampaignField =
  | 'title'
  | 'description'
  | 'ownerRef'
  | 'scope.owners'
  | 'scope.includeSubgroups'
  | 'scope.systems'
  | 'scope.domains'
  | 'scope.kinds'
  | 'scope.lifecycles'
  | 'scope.types'
  | 'scope.tags'
  | 'goal.type'
  | 'goal.checkIds'
  | 'goal.category'
  | 'goal.level'
  | 'allowExemptions'
  | 'startsOn'
  | 'deadline'
  | 'milestones'
  | 'reminderDaysBefore';

const FIELDS = new Set<string>([
  'title',
  'description',
  'ownerRef',
  'scope.owners',
  'scope.includeSubgroups',
  'scope.systems',
  'scope.domains',
  'scope.kinds',
  'scope.lifecycles',
  'scope.types',
  'scope.tags',
  'goal.type',
  'goal.checkIds',
  'goal.category',
  'goal.level',
  'allowExemptions',
  'startsOn',
  'deadline',
  'milestones',
  'reminderDaysBefore',
]);

/** The path a message names first, dotted, without indexes. */
function pathOf(message: string): string | undefined {
  const leading = /^\s*([A-Za-z][\w.[\]]*)\s*:/.exec(message);
  if (leading) return leading[1];
  const body = /\/body((?:\/\w+)*)/.exec(message);
  if (!body) return undefined;
  // `request/body/goal must have required property 'level'`
  const missing = /required property '(\w+)'/.exec(message);
  const path = [...body[1].split('/'), missing?.[1]].filter(Boolean);
  return path.length > 0 ? path.join('.') : undefined;
}

/**
 * The field of the campaign dialog a server message is about, or undefined
 * when it names none (the dialog then shows it above its buttons).
 */
export function fieldOfError(message: string): CampaignField | undefined {
  const path = pathOf(message);
  if (!path) return undefined;
  const parts = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(part => part && !/^\d+$/.test(part));
  // The longest known prefix: `goal.checkIds`, else `goal`, …
  for (let length = Math.min(parts.length, 2); length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (FIELDS.has(candidate)) return candidate as CampaignField;
  }
  if (parts[0] === 'goal') return 'goal.type';
  if (parts[0] === 'scope') return 'scope.owners';
  return undefined;
}

/** The index of the milestone a message names (`milestones[2].date`). */
export function milestoneOfError(message: string): number | undefined {
  const match = /milestones(?:\[|\/|\.)(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
