#!/usr/bin/env bash
# Signed POST /discord/interactions against a running bot (see ../run.sh load): the signature-only baselines
# (PING → PONG, forged signature → 401) first, then /params grok-1, at each concurrency.
set -euo pipefail
: "${BOT_URL:?start through tests/GrokFactsBot.Benchmarks/run.sh load}" "${BENCH_DLL:?}" "${BOT_PID:?}"
requests=${LOAD_REQUESTS:-20000}
for concurrency in ${LOAD_CONCURRENCY:-1 16 64}; do
  for scenario in discord-ping discord-badsig discord; do
    dotnet "$BENCH_DLL" load "$scenario" --url "$BOT_URL" --requests "$requests" --concurrency "$concurrency" \
      --seconds "${LOAD_SECONDS:-20}" --pid "$BOT_PID"
  done
done
