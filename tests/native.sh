#!/usr/bin/env bash
# The native (AOT) binary that the image and the systemd recipe ship, checked by every test that runs the program as a
# process (start-up errors, the HEALTHCHECK, backups, a full disk, damaged files, sharded processes, the watcher).
# CI runs the suite on the JIT build; run this after changing anything the native build could treat differently
# (reflection, JSON shapes, dependencies). Usage: bash tests/native.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/native}")"
# Native AOT links with clang; Debian's clang-14 may be installed without a clang on PATH.
command -v clang >/dev/null || PATH="$PATH:$(ls -d /usr/lib/llvm-*/bin 2>/dev/null | tail -n 1)"
dotnet publish src/GrokFactsBot -c Release -r linux-x64 -o "$out"
process_tests="StartupProblemTests|ShardedProcessesTests|DeployTests|FullDiskTests|BackupVerbTests|WatchEndToEndTests"
process_tests="$process_tests|DatabaseFileSafetyTests|ProgramTests"
GROKFACTS_NATIVE_APP="$out" dotnet test tests/GrokFactsBot.Tests -c Release \
  --filter "$(sed -E 's/([A-Za-z]+)/FullyQualifiedName~.\1./g' <<<"$process_tests")"
