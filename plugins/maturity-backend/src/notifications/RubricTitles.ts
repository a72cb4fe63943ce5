import { Rubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** The rubric's titles of categories and checks, as notifications name them. */
export class RubricTitles {
  private readonly categories = new Map<string, string>();
  private readonly checks = new Map<string, string>();

  constructor(rubric: Rubric) {
    for (const category of rubric.categories) {
      this.categories.set(category.id, category.title);
      for (const level of category.levels) {
        for (const check of level.checks)
          this.checks.set(check.id, check.title);
      }
    }
    for (const level of rubric.mlops.levels) {
      for (const check of level.checks) this.checks.set(check.id, check.title);
    }
  }

  /** A category's title, or "Overall"; an unknown id as it is. */
  category(id: string): string {
    return id === 'overall' ? 'Overall' : this.categories.get(id) ?? id;
  }

  /** A check's title; an unknown id (a check since removed) as it is. */
  check(id: string): string {
    return this.checks.get(id) ?? id;
  }
}
