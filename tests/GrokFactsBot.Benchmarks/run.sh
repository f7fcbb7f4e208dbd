#!/usr/bin/env bash
# The performance suite: answer path (BenchmarkDotNet), start-up to first answer, memory at rest, then any load
# scripts in LoadTest/ against a running bot. Figures go to stdout and $work.
#   tests/GrokFactsBot.Benchmarks/run.sh            short BenchmarkDotNet job (about 5 minutes, most of it the one-off
#                                                   import of the generated 100,000-claim base, cached afterwards)
#   GROKFACTS_KNOWLEDGE=/path/to/knowledge run.sh   measure on another knowledge folder than the repository's
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=${TMPDIR:-/tmp}/grokfacts-bench
mkdir -p "$work"
knowledge=${GROKFACTS_KNOWLEDGE:-$root/knowledge}
export GROKFACTS_KNOWLEDGE=$knowledge

dotnet build -c Release src/GrokFactsBot -v q -nologo
dotnet build -c Release tests/GrokFactsBot.Benchmarks -v q -nologo
app=$root/src/GrokFactsBot/bin/Release/net10.0/GrokFactsBot.dll

echo "== 1. Answer path (real base: $knowledge; generated: 10,000 models / 100,000 claims)"
dotnet run -c Release --no-build --project tests/GrokFactsBot.Benchmarks -- \
  --filter '*AnswerPath*' --job short --artifacts "$work/artifacts"

echo "== 2. Start-up to first answer: dotnet GrokFactsBot.dll ask \"params grok-1\" (database already imported)"
export Knowledge__Directory=$knowledge Storage__DatabasePath=$work/startup.db Urls=http://127.0.0.1:0
dotnet "$app" import > /dev/null
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs 20 --export-markdown "$work/startup.md" "dotnet $app ask 'params grok-1'"
else
  for i in $(seq 1 10); do
    start=$(date +%s%N); dotnet "$app" ask "params grok-1" > /dev/null; echo "run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  done
fi

echo "== 3. Memory at rest (service started, knowledge imported, idle 5 s)"
rm -f "$work/rest.fifo"; mkfifo "$work/rest.fifo"
dotnet "$app" < "$work/rest.fifo" > "$work/rest.out" 2> "$work/rest.err" &
pid=$!
exec 3> "$work/rest.fifo"   # keeps the console chat's input open, so the service stays up
for _ in $(seq 1 100); do grep -q "GrokFactsBot started" "$work/rest.err" && break; sleep 0.2; done
url=$(grep -o 'listening on http://[^;, ]*' "$work/rest.err" | head -1 | cut -d' ' -f3)
sleep 5
grep -E '^(VmRSS|VmHWM)' "/proc/$pid/status"
curl -s "$url/metrics" | grep -E '^dotnet_gc_last_collection_heap_size_bytes|^dotnet_process_memory_working_set_bytes' || true

echo "== 4. Load scripts (LoadTest/*.sh) against $url"
for script in "$root"/tests/GrokFactsBot.Benchmarks/LoadTest/*.sh; do
  [ -e "$script" ] || continue
  BOT_URL=$url BOT_PID=$pid bash "$script"
done

kill -TERM "$pid"; exec 3>&-; wait "$pid" || true
