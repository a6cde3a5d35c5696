#!/usr/bin/env bash
# Kept so old links work: the real-cluster acceptance is `npm run acceptance` (test/acceptance/,
# TypeScript + Playwright). Arguments pass through, e.g. --context kind-storedeck.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npm run --silent acceptance -- "$@"
