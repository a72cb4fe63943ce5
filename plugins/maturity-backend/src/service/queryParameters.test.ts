import { parseIntegerParameter, parseTimeParameter } from './queryParameters';
import { spec } from '../schema/openapi.generated';

describe('parseIntegerParameter', () => {
  const bounds = { minimum: 1, maximum: 500 };

  it('reads decimal digits within bounds', () => {
    expect(parseIntegerParameter('limit', '1', bounds)).toBe(1);
    expect(parseIntegerParameter('limit', '500', bounds)).toBe(500);
    expect(parseIntegerParameter('limit', '016', bounds)).toBe(16);
  });

  it.each([
    'Infinity',
    '-Infinity',
    '0x10',
    '1e3',
    '1.0',
    '1.5',
    '-1',
    '+5',
    ' 5',
    '5 ',
    '',
    'NaN',
    '0',
    '501',
    '99999999999999999999',
    '0b1',
  ])('refuses %j naming the parameter', raw => {
    expect(() => parseIntegerParameter('limit', raw, bounds)).toThrow(
      /^limit: must be a decimal integer from 1 to 500/,
    );
  });
});

describe('parseTimeParameter', () => {
  it('reads a date only where allowed', () => {
    expect(
      parseTimeParameter('asOf', '2026-10-01', {
        dateAllowed: true,
      }).toISOString(),
    ).toBe('2026-10-01T00:00:00.000Z');
    expect(() => parseTimeParameter('from', '2026-10-01')).toThrow(/^from: /);
    expect(() =>
      parseTimeParameter('asOf', '2026-02-30', { dateAllowed: true }),
    ).toThrow(/^asOf: /);
  });
});

describe('the spec', () => {
  const operations = Object.values(spec.paths).flatMap(methods =>
    Object.values(methods as Record<string, { parameters?: any[] }>),
  );
  const parameters = operations.flatMap(o => o.parameters ?? []);

  it('bounds every integer query parameter on both sides', () => {
    const integers = parameters.filter(p => p.schema?.type === 'integer');
    expect(integers.length).toBeGreaterThan(0);
    for (const p of integers) {
      expect([
        p.name,
        typeof p.schema.minimum,
        typeof p.schema.maximum,
      ]).toEqual([p.name, 'number', 'number']);
    }
  });

  it('bounds every string and array field of the event schemas', () => {
    const schemas = spec.components.schemas as Record<string, any>;
    const resolve = (s: any): any =>
      s.$ref ? resolve(schemas[s.$ref.split('/').pop()]) : s;
    const unbounded: string[] = [];
    for (const name of [
      'BuildEvent',
      'DeploymentEvent',
      'ChangeEvent',
      'IncidentEvent',
      'RepoFactEvent',
    ]) {
      for (const [field, raw] of Object.entries(schemas[name].properties)) {
        const schema = resolve(raw);
        const types = [schema.type].flat();
        if (
          types.includes('string') &&
          !schema.enum &&
          schema.maxLength === undefined
        ) {
          unbounded.push(`${name}.${field}`);
        }
        if (types.includes('array')) {
          const items = resolve(schema.items);
          if (
            schema.maxItems === undefined ||
            (items.type === 'string' &&
              !items.enum &&
              items.maxLength === undefined)
          ) {
            unbounded.push(`${name}.${field}`);
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});
