#!/usr/bin/env bash
# One update to 1,000 subscribed channels through the bot's outbox, delivery worker and Discord REST client, against a
# loopback fake API enforcing 50 requests/second; one channel in 50 is dead (403/404). Run twice: straight through,
# and with the delivering process killed (SIGKILL) halfway while a post to a dead channel is in flight, then
# restarted on the same file. The limit allows it in (1000 - 50) / 50 = 19 s to 20 s; the goal is within 10%.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
project=$root/tests/GrokFactsBot.FanOutBench
dotnet build -c Release "$project" -v q -nologo > /dev/null
for mode in "" kill; do
  for run in $(seq 1 "${FANOUT_RUNS:-3}"); do
    dotnet "$project/bin/Release/net10.0/GrokFactsBot.FanOutBench.dll" \
      "${FANOUT_CHANNELS:-1000}" "${FANOUT_PER_SECOND:-50}" $mode 2> /dev/null
  done
done
