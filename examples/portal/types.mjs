// Generates src/api/schema.d.ts from a Credence OpenAPI document:
//   node types.mjs spec.json
// Examples are dropped first: they are live documents (with their
// timestamps), and types that changed with the data would churn in review.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

// names: v's keys are names (of properties, schemas), not keywords.
const drop = (v, names = false) => {
  if (Array.isArray(v)) return v.map((x) => drop(x));
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (!names && (k === 'example' || k === 'examples')) continue;
    out[k] = drop(x, !names && (k === 'properties' || k === 'patternProperties' || k === 'schemas' || k === 'paths'));
  }
  return out;
};

const spec = drop(JSON.parse(readFileSync(process.argv[2] ?? 'spec.json', 'utf8')));
const ast = await openapiTS(spec);
writeFileSync('src/api/schema.d.ts', '// Generated from Credence\'s OpenAPI document by types.mjs: do not edit.\n\n' + astToString(ast));
