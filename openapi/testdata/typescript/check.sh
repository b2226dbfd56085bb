#!/usr/bin/env bash
# Checks the OpenAPI documents a store with the certification pack gives:
# Redocly's recommended rules with no error and no warning (3.1 and 3.0, as
# an admin, a learner and an anonymous caller see it), then openapi-typescript
# types and a typed openapi-fetch client under tsc --strict.
# Usage: check.sh CREDENCE_BINARY DATA_FILE (a store the pack is loaded into)
set -euo pipefail
credence=$1 data=$2
cd "$(dirname "$0")"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npm ci --no-audit --no-fund --loglevel=error
lint() {
  local spec=$1
  npx redocly lint --extends=recommended --format=json "$spec" 2>/dev/null > lint.json || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync("lint.json", "utf8"));
    for (const p of r.problems) console.log(p.severity, p.ruleId, p.message, JSON.stringify(p.location.map(l => l.pointer)));
    if (r.totals.errors + r.totals.warnings > 0) {
      console.error(process.argv[1] + ": " + r.totals.errors + " errors, " + r.totals.warnings + " warnings");
      process.exit(1);
    }' "$spec"
  echo "$spec: 0 errors, 0 warnings"
}
for version in 3.1 3.0; do
  for role in admin learner public; do
    "$credence" openapi --data "$data" --version "$version" --role "$role" > "spec-$version-$role.json"
    lint "spec-$version-$role.json"
  done
done
npx openapi-typescript spec-3.1-admin.json -o schema.d.ts
npx tsc --strict --noEmit -p .
echo "client.ts compiles under tsc --strict against the generated types"
