import { memberFilters, rowMemberFilters } from './memberFilters';

describe('memberFilters', () => {
  it("filters by a system's or domain's entities, whatever the kind's case", () => {
    expect(memberFilters('System', 'system:default/billing')).toEqual({
      system: 'system:default/billing',
    });
    expect(memberFilters('DOMAIN', 'domain:default/payments')).toEqual({
      domain: 'domain:default/payments',
    });
  });

  it("filters by a group's own and its sub-groups' entities", () => {
    expect(memberFilters('Group', 'group:default/team-a')).toEqual({
      owner: ['group:default/team-a'],
      includeSubgroups: true,
    });
  });
});

describe('rowMemberFilters', () => {
  it("filters by a scope row's members, the kind read from its ref", () => {
    expect(rowMemberFilters('System:default/billing')).toEqual({
      system: 'System:default/billing',
    });
    expect(rowMemberFilters('Group:default/team-a')).toEqual({
      owner: ['Group:default/team-a'],
      includeSubgroups: true,
    });
  });

  it('has none for an entity that is not a scope', () => {
    expect(rowMemberFilters('Component:default/checkout-api')).toBeUndefined();
  });
});
