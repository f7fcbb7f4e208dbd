#!/usr/bin/env bash
# A steady open-loop 200 req/s of signed Discord and Slack commands in turn (params, model, license, release, compare,
# ask, a typo) against a running bot (see ../run.sh load), for STEADY_SECONDS (180): RSS under a realistic load, and
# the bot's CPU per request.
set -euo pipefail
: "${BOT_URL:?start through tests/GrokFactsBot.Benchmarks/run.sh load}" "${BENCH_DLL:?}" "${BOT_PID:?}" "${SLACK_STUB_PORT:?}"
seconds=${STEADY_SECONDS:-180}
rate=${STEADY_RATE:-200}
dotnet "$BENCH_DLL" load mixed --url "$BOT_URL" --rate "$rate" --requests $((rate * seconds)) --seconds "$seconds" \
  --pid "$BOT_PID" --stub-port "$SLACK_STUB_PORT"
