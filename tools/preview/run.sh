#!/usr/bin/env bash
# Renders the bot's default answers as Discord and Slack would draw them, to PNGs a reviewer can look at.
#
#   tools/preview/run.sh [output folder] [command …]     (default folder: preview-out/ at the repository root)
#
# The answers are the bot's real JSON (the `render` verb: the embed and components Discord receives, the Block Kit
# Slack receives, for a member without admin rights), drawn by a small HTML mock of each client (mock.js, mock.css)
# in headless Chromium at a phone's size (390 × 844). A dashed line marks a third of the screen, and the caption
# gives the message's height. Not part of the test suite: it needs Debian's chromium, installed if missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/preview-out}
shift $(($# > 0 ? 1 : 0))
commands=("$@")
if [[ ${#commands[@]} -eq 0 ]]; then
  commands=(
    "params grok-1" "params deepseek-v3" "params kimi-k2"
    "license grok-2" "license llama-4-maverick" "license mixtral-8x7b"
    "release grok-5" "release grok-3" "release llama-4-behemoth"
    "model grok-1" "model claude-opus-4.7"
    "compare grok-1 grok-2" "compare deepseek-v3 llama-3.1-405b"
    "sources grok-2"
  )
fi

"$here/install-chromium.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cp "$here/mock.js" "$here/mock.css" "$work/"

cd "$root"
dotnet build src/GrokFactsBot -nologo -v quiet -clp:ErrorsOnly >&2
if ! Storage__DatabasePath="$work/preview.db" dotnet run --project src/GrokFactsBot --no-build -- render "${commands[@]}" \
  >"$work/answers.ndjson" 2>"$work/render.log"; then
  cat "$work/render.log" >&2
  exit 1
fi

chromium_flags=(
  --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars --window-size=390,844
  --user-data-dir="$work/profile"
)
summary="$out/heights.txt"
: >"$summary"
index=0
while IFS= read -r answer; do
  index=$((index + 1))
  slug=$(printf '%02d-%s' "$index" "${commands[index - 1]}" | tr -cs 'A-Za-z0-9.-' '-' | sed 's/-$//')
  for platform in discord slack; do
    page="$work/$slug-$platform.html"
    cat >"$page" <<HTML
<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="mock.css"></head>
<body class="$platform"><div id="channel"></div><div id="third"></div><div id="caption"></div>
<script>const answer = $answer; window.preview = { platform: "$platform", command: answer.command, payload: answer.$platform };</script>
<script src="mock.js"></script></body></html>
HTML
    chromium "${chromium_flags[@]}" --screenshot="$out/$slug-$platform.png" "file://$page" >/dev/null 2>>"$work/chromium.log"
    chromium "${chromium_flags[@]}" --dump-dom "file://$page" 2>>"$work/chromium.log" |
      sed -n 's/.*<div id="caption">\([^<]*\)<\/div>.*/\1/p' >>"$summary"
  done
done <"$work/answers.ndjson"

if [[ $index -ne ${#commands[@]} ]]; then
  echo "expected ${#commands[@]} answers, got $index; the render log follows" >&2
  cat "$work/render.log" >&2
  exit 1
fi
cat "$summary"
echo "PNGs in $out" >&2
