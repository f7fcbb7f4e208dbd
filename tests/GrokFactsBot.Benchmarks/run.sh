#!/usr/bin/env bash
# The performance suite. Figures go to stdout; BenchmarkDotNet reports and logs to $work.
#   tests/GrokFactsBot.Benchmarks/run.sh                     everything (about 18 minutes on 2 cores; the first run adds
#                                                            about a minute to import the generated 100,000-claim base)
#   tests/GrokFactsBot.Benchmarks/run.sh bench latency startup load fanout drain    only the named sections
#   GROKFACTS_KNOWLEDGE=/path/to/knowledge run.sh            measure on another knowledge folder than the repository's
#   LOAD_REQUESTS=20000 LOAD_CONCURRENCY="1 16 64" LOAD_SECONDS=20     bounds of each load run (defaults shown)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=${TMPDIR:-/tmp}/grokfacts-bench
mkdir -p "$work"
knowledge=${GROKFACTS_KNOWLEDGE:-$root/knowledge}
export GROKFACTS_KNOWLEDGE=$knowledge
sections=${*:-bench latency startup load fanout drain}
wants() { [[ " $sections " == *" $1 "* ]]; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

dotnet build -c Release src/GrokFactsBot -v q -nologo
dotnet build -c Release tests/GrokFactsBot.Benchmarks -v q -nologo
app=$root/src/GrokFactsBot/bin/Release/net10.0/GrokFactsBot.dll
# What the image and the systemd recipe run: the program published for this runtime as one native (AOT) binary.
native=$work/native/GrokFactsBot
if wants startup || wants load; then
  command -v clang > /dev/null || PATH="$PATH:$(ls -d /usr/lib/llvm-*/bin 2> /dev/null | tail -n 1)"
  dotnet publish -c Release -r linux-x64 src/GrokFactsBot -v q -nologo -o "$work/native" > /dev/null
fi
export BENCH_DLL=$root/tests/GrokFactsBot.Benchmarks/bin/Release/net10.0/GrokFactsBot.Benchmarks.dll

if wants bench; then
  echo "== 1. Answer path and renderers (real base: $knowledge; generated: 10,000 models / 100,000 claims), signature checks"
  dotnet "$BENCH_DLL" --filter '*AnswerPath*' '*Signature*' --job short --artifacts "$work/artifacts"
fi

if wants latency; then
  echo "== 1b. Per-call answer latency (median / p99 / max) and a fact add seen by the next question"
  dotnet "$BENCH_DLL" latency
fi

if wants startup; then
  echo "== 2. Start-up to first answer: ask \"params grok-1\" on the build (JIT) and the native binary (database imported)"
  export Knowledge__Directory=$knowledge Storage__DatabasePath=$work/startup.db
  dotnet "$app" import > /dev/null
  if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 3 --runs 20 --export-markdown "$work/startup.md" "dotnet $app ask 'params grok-1'" \
      "$native ask 'params grok-1'"
  else
    for i in $(seq 1 10); do
      start=$(date +%s%N); "$native" ask "params grok-1" > /dev/null; echo "run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms"
    done
  fi
  unset Knowledge__Directory Storage__DatabasePath
fi

if wants load; then
  echo "== 3. Live endpoints over loopback: the native bot with Discord and Slack in Http mode (GROKFACTS_BOT=jit: the build)"
  bot_port=$(free_port); export SLACK_STUB_PORT=$(free_port) BOT_URL=http://127.0.0.1:$bot_port
  while IFS= read -r setting; do export "${setting?}"; done < <(dotnet "$BENCH_DLL" load env --stub-port "$SLACK_STUB_PORT")
  Urls=$BOT_URL Knowledge__Directory=$knowledge Storage__DatabasePath=$work/load.db \
    $([ "${GROKFACTS_BOT:-native}" = jit ] && echo "dotnet $app" || echo "$native") > "$work/bot.out" 2> "$work/bot.err" &
  export BOT_PID=$!
  trap 'kill -TERM "$BOT_PID" 2> /dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs "$BOT_URL/readyz" > /dev/null && break; sleep 0.2; done
  curl -fs "$BOT_URL/readyz" > /dev/null || { echo "the bot did not become ready; see $work/bot.err"; tail -20 "$work/bot.err"; exit 1; }
  sleep 5
  echo "memory at rest (ready, idle 5 s): $(grep -E '^VmRSS' /proc/$BOT_PID/status | tr -s ' ')"
  for script in "$root"/tests/GrokFactsBot.Benchmarks/LoadTest/*.sh; do
    case "$(basename "$script")" in fanout.sh | drain.sh) ;; *) bash "$script" ;; esac
  done
  echo "memory after load: $(grep -E '^(VmRSS|VmHWM)' /proc/$BOT_PID/status | tr -s ' ' | paste -sd' ')"
  curl -s "$BOT_URL/metrics" | grep -E '^grokfacts_signature_failures_total|^dotnet_gc_last_collection_heap_size_bytes' || true
  kill -TERM "$BOT_PID"; wait "$BOT_PID" || true; trap - EXIT
fi

if wants fanout; then
  echo "== 4. Fan-out of one update to 1,000 channels against a fake API enforcing 50 requests/second"
  bash "$root/tests/GrokFactsBot.Benchmarks/LoadTest/fanout.sh"
fi

if wants drain; then
  echo "== 5. Deferred Discord answers at SIGTERM against a platform answering each edit after 1 s"
  bash "$root/tests/GrokFactsBot.Benchmarks/LoadTest/drain.sh"
fi
