#!/usr/bin/env bash
# One update to 1,000 subscribed channels through the real outbox and delivery worker, against a loopback fake API
# enforcing 50 requests/second. The limit allows it in (1000 - 50) / 50 = 19 s to 20 s; the goal is within 10%.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
dotnet run -c Release --project "$root/tests/GrokFactsBot.FanOutBench" -- "${FANOUT_CHANNELS:-1000}" "${FANOUT_PER_SECOND:-50}"
