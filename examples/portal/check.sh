#!/usr/bin/env bash
# Regenerates the portal's API types from the live spec of a store loaded
# with the certification pack, as a learner sees it, and fails when the
# committed types are stale, when tsc --strict fails, or when the committed
# build in examples/certification/public is not what the sources build.
#
#   examples/portal/check.sh CREDENCE_BINARY DATA_FILE
set -euo pipefail
credence=$(realpath "$1")
data=$(realpath "$2")
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error
"$credence" openapi --data "$data" --role learner >spec.json
node types.mjs spec.json
if [ -n "$(git status --porcelain src/api/schema.d.ts)" ]; then
  echo "examples/portal/src/api/schema.d.ts is stale: the spec changed. Regenerate it (see examples/portal/README.md) and commit it."
  git diff --stat src/api/schema.d.ts
  exit 1
fi
npx tsc --noEmit -p .
npx vite build --logLevel error
if [ -n "$(git status --porcelain ../certification/public)" ]; then
  echo "examples/certification/public is stale: run 'npm run build' in examples/portal and commit the result"
  git status --porcelain ../certification/public
  exit 1
fi
echo "portal: types current, tsc --strict clean, build current"
