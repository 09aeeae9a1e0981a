#!/usr/bin/env bash
# Runs every test (domain, integration, browser) and ends with one line: "N passed, N failed".
# On a fresh Debian/Ubuntu machine it first installs Chromium for the browser tests.
set -uo pipefail
cd "$(dirname "$0")"

chromium="${CAREERPATH_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium; installing Debian's chromium package..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install Chromium; set CAREERPATH_CHROMIUM to a Chromium binary." >&2; exit 2; }
fi

results="artifacts/test-results"
rm -rf "$results"
dotnet build CareerPath.sln "$@"
status=$?
if [ "$status" -eq 0 ]; then
  # One project at a time, each into its own folder, so no two result files can collide.
  for project in tests/*/*.csproj; do
    [ -f "$project" ] || continue
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --logger "trx" --results-directory "$results/$name" "$@" || status=$?
  done
fi

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written: count that as a failure.
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
