#!/usr/bin/env bash
# Signed POST /slack/commands against a running bot (see ../run.sh load): the forged-signature baseline (→ 401), then
# `/grokfacts params grok-1`, at each concurrency. On SLACK_STUB_PORT the generator serves a Slack Web API that never
# answers (users.info is not stubbed: a read command must not need it) and the response_url.
set -euo pipefail
: "${BOT_URL:?start through tests/GrokFactsBot.Benchmarks/run.sh load}" "${BENCH_DLL:?}" "${BOT_PID:?}" "${SLACK_STUB_PORT:?}"
requests=${LOAD_REQUESTS:-20000}
for concurrency in ${LOAD_CONCURRENCY:-1 16 64}; do
  for scenario in slack-badsig slack; do
    dotnet "$BENCH_DLL" load "$scenario" --url "$BOT_URL" --requests "$requests" --concurrency "$concurrency" \
      --seconds "${LOAD_SECONDS:-20}" --pid "$BOT_PID" --stub-port "$SLACK_STUB_PORT"
  done
done
