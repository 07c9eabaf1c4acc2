#!/usr/bin/env bash
# Runs the browser tests against a built dist/ (default: the repo's dist/).
# Installs playwright-core from the npm registry on first use (never a
# browser download: the tests drive Debian's /usr/bin/chromium).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export WELKOM_DIST="$(cd "${1:-$here/../../dist}" && pwd)"
cd "$here"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf artifacts
# A test that hangs (a browser that never quits, a leaked child process)
# must fail CI with a name, not run it out of time: each test gets at most
# 10 minutes, the runner exits once the tests are done even if a child is
# still alive, and the whole layer is stopped after 40 minutes.
exec timeout --kill-after=30s "${WELKOM_BROWSER_TESTS_TIMEOUT:-40m}" \
  node --test --test-concurrency=1 --test-force-exit --test-timeout=600000 --test-reporter=spec ./*.test.mjs
