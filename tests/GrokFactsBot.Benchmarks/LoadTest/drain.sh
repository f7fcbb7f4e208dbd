#!/usr/bin/env bash
# Deferred Discord answers at SIGTERM: the Release bot in Http mode against a loopback Discord that answers each edit
# of @original after DRAIN_LATENCY (1) s; DRAIN_ANSWERS (501) /timeline interactions (each defers: its chart goes in
# the edit), SIGTERM as soon as the last defer is back; counts the edits that arrived, exit code and what was logged,
# DRAIN_RUNS (3) times. Run by `../run.sh drain`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
dotnet build -c Release "$root/src/GrokFactsBot" -v q -nologo > /dev/null
dotnet build -c Release "$root/tests/GrokFactsBot.Benchmarks" -v q -nologo > /dev/null
dotnet "$root/tests/GrokFactsBot.Benchmarks/bin/Release/net10.0/GrokFactsBot.Benchmarks.dll" drain \
  --bot "$root/src/GrokFactsBot/bin/Release/net10.0/GrokFactsBot.dll" --knowledge "${GROKFACTS_KNOWLEDGE:-$root/knowledge}" \
  --answers "${DRAIN_ANSWERS:-501}" --latency "${DRAIN_LATENCY:-1}" --runs "${DRAIN_RUNS:-3}"
