import { parse } from 'yaml';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A pasted rubric override, YAML or JSON (JSON is YAML): what goes under
 * `maturity.rubric` in app-config, or an app-config excerpt with it.
 */
export function parseRubricOverride(
  text: string,
): { rubric: Record<string, unknown> } | { problem: string } {
  if (!text.trim()) {
    return {
      problem:
        'Paste a rubric override: checks and/or addChecks, as under maturity.rubric in app-config.',
    };
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return {
      problem: `Not valid YAML or JSON: ${(error as Error).message}`,
    };
  }
  // An excerpt of app-config: the override is what is under maturity.rubric.
  if (
    isMapping(value) &&
    isMapping(value.maturity) &&
    'rubric' in value.maturity
  ) {
    value = value.maturity.rubric;
  }
  if (!isMapping(value)) {
    return {
      problem: 'The override must be a mapping with checks and/or addChecks.',
    };
  }
  return { rubric: value };
}
