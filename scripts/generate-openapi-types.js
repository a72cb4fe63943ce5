#!/usr/bin/env node
/*
 * Generates a plugin's wire contract from its OpenAPI YAML:
 *
 * - `openapi.generated.ts` next to the YAML: the spec as a typed constant, so
 *   the router validates requests against it and route handlers are typed
 *   from it;
 * - with `--types <file>`: TypeScript types of the spec's schemas and
 *   operations (parameters, body, response), for code that cannot import the
 *   backend (the frontend client, the common package); with `<package>`, the
 *   package exporting them, the spec module also gets the router's endpoint
 *   map built from them, so server and clients share one set of types.
 *
 * Backstage's `repo-tools package schema openapi generate` needs a Java jar
 * downloaded at run time, which these machines cannot fetch; this does the
 * part the plugins need. Tests fail when the generated files drift from the
 * YAML.
 *
 * Usage: node scripts/generate-openapi-types.js <openapi.yaml> [--types <out.ts> [<package>]]
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const HEADER = name =>
  `// Generated from ${name} by scripts/generate-openapi-types.js.\n` +
  '// Do not edit: change the YAML and run `npm run generate:openapi`.\n';

/**
 * The spec as a constant, for the validated router; with the package that
 * exports the operation types, the router's endpoint map too.
 */
function specModule(spec, name, typesPackage) {
  const endpoints = [];
  for (const [route, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation.operationId) continue;
      // backend-openapi-utils spells DELETE `_delete`.
      const key = `#${method === 'delete' ? '_delete' : method}|${route}`;
      endpoints.push(
        `  '${key}': ${OPERATIONS}[${JSON.stringify(operation.operationId)}];`,
      );
    }
  }
  const endpointMap = typesPackage
    ? `import type { ${OPERATIONS} } from '${typesPackage}';

/**
 * The operations by method and path, for
 * \`createValidatedOpenApiRouterFromGeneratedEndpointMap\`.
 *
 * @internal
 */
export type EndpointMap = {
${endpoints.join('\n')}
};

`
    : '';
  return `${HEADER(name)}
${endpointMap}/** @internal */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;
}

const SCHEMAS = 'MaturityApiSchemas';
const OPERATIONS = 'MaturityApiOperations';

function comment(text, indent) {
  if (!text) return '';
  const lines = String(text).trim().replace(/\*\//g, '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines
    .map(l => `${indent} *${l ? ` ${l}` : ''}`)
    .join('\n')}\n${indent} */\n`;
}

const propertyName = name =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);

const union = types => [...new Set(types)].join(' | ');

/** The TypeScript type of a JSON schema, as the validator accepts it. */
function typeOf(schema, indent) {
  if (!schema || Object.keys(schema).length === 0) return 'unknown';
  if (schema.$ref) {
    return `${SCHEMAS}[${JSON.stringify(schema.$ref.split('/').pop())}]`;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return union(schema.enum.map(v => JSON.stringify(v)));
  if (schema.oneOf || schema.anyOf) {
    // A member without a type of its own (`anyOf: [{format: date}, ...]`)
    // narrows the schema around it.
    const { oneOf, anyOf, discriminator, description, ...outer } = schema;
    return union(
      (oneOf ?? anyOf).map(member =>
        typeOf(member.$ref ? member : { ...outer, ...member }, indent),
      ),
    );
  }
  if (schema.allOf) {
    return schema.allOf.map(s => typeOf(s, indent)).join(' & ');
  }
  if (Array.isArray(schema.type)) {
    return union(schema.type.map(type => typeOf({ ...schema, type }, indent)));
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = typeOf(schema.items, indent);
      return /^[\w.[\]"']+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object':
    default:
      return objectType(schema, indent);
  }
}

function objectType(schema, indent) {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0) {
    // An open object of unknown fields: `object` rather than an index
    // signature, which interfaces describing the same values lack.
    if (extra === undefined || extra === true) return 'object';
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${typeOf(extra, indent)}>`;
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(
    ([name, property]) =>
      `${comment(property.description, inner)}${inner}${propertyName(name)}${
        required.has(name) ? '' : '?'
      }: ${typeOf(property, inner)};`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function resolveParameter(spec, parameter) {
  if (!parameter.$ref) return parameter;
  return spec.components.parameters[parameter.$ref.split('/').pop()];
}

/** One operation's path and query parameters, body and success response. */
function operationType(spec, operation, indent) {
  const inner = `${indent}  `;
  const parts = [];
  for (const where of ['path', 'query']) {
    const parameters = (operation.parameters ?? [])
      .map(p => resolveParameter(spec, p))
      .filter(p => p.in === where);
    if (parameters.length > 0) {
      parts.push(
        `${inner}${where}: ${objectType(
          {
            properties: Object.fromEntries(
              parameters.map(p => [
                p.name,
                { ...p.schema, description: p.description },
              ]),
            ),
            required: parameters
              .filter(p => p.required || p.in === 'path')
              .map(p => p.name),
          },
          inner,
        )};`,
      );
    }
  }
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (body) parts.push(`${inner}body: ${typeOf(body, inner)};`);
  const [status, response] =
    Object.entries(operation.responses ?? {}).find(([code]) =>
      code.startsWith('2'),
    ) ?? [];
  const json = response?.content?.['application/json']?.schema;
  const text = response?.content?.['text/csv']?.schema;
  const types = [json && typeOf(json, inner), text && 'string'].filter(Boolean);
  parts.push(
    `${inner}/** Status ${status}. */\n${inner}response: ${
      types.join(' | ') || 'void'
    };`,
  );
  return `{\n${parts.join('\n')}\n${indent}}`;
}

/** TypeScript types of the spec's schemas and operations. */
function typesModule(spec, name) {
  const schemas = Object.entries(spec.components?.schemas ?? {})
    .map(
      ([schemaName, schema]) =>
        `${comment(schema.description, '  ')}  ${schemaName}: ${typeOf(
          schema,
          '  ',
        )};`,
    )
    .join('\n');
  const operations = [];
  for (const [route, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation.operationId) continue;
      operations.push(
        `${comment(
          `\`${method.toUpperCase()} ${route}\`: ${operation.summary ?? ''}`,
          '  ',
        )}  ${operation.operationId}: ${operationType(spec, operation, '  ')};`,
      );
    }
  }
  return `${HEADER(name)}
/**
 * The schemas of the Maturity API, as its OpenAPI spec defines them.
 *
 * @public
 */
export type ${SCHEMAS} = {
${schemas}
};

/**
 * The operations of the Maturity API by operation id: path and query
 * parameters, request body and success response.
 *
 * @public
 */
export type ${OPERATIONS} = {
${operations.join('\n')}
};
`;
}

/** Every generated file of a spec: output path → content. */
function generate(input, typesOutput, typesPackage) {
  const spec = YAML.parse(fs.readFileSync(input, 'utf8'));
  const name = path.basename(input);
  const files = {
    [path.join(path.dirname(input), 'openapi.generated.ts')]: specModule(
      spec,
      name,
      typesOutput && typesPackage,
    ),
  };
  if (typesOutput) files[typesOutput] = typesModule(spec, name);
  return files;
}

module.exports = { generate };

if (require.main === module) {
  const [input, flag, typesOutput, typesPackage] = process.argv.slice(2);
  if (!input || (flag !== undefined && (flag !== '--types' || !typesOutput))) {
    console.error(
      'usage: generate-openapi-types.js <openapi.yaml> [--types <out.ts> [<package>]]',
    );
    process.exit(2);
  }
  const files = generate(input, typesOutput, typesPackage);
  for (const [output, text] of Object.entries(files)) {
    fs.writeFileSync(output, text);
    console.log(`wrote ${output}`);
  }
}
