#!/usr/bin/env bash
# Writes docs/adr/README.md, the index of the decisions, from each ADR's title line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
{
  echo "# Architecture decision records"
  echo
  echo "One file per decision, numbered in the order they were taken. Made by \`make-index.sh\`; a test fails when it is out of date."
  echo
  echo "| # | decision |"
  echo "|---|---|"
  for f in [0-9][0-9][0-9][0-9]-*.md; do
    title="$(head -n 1 "$f" | sed -E 's/^# *//; s/^[0-9]+[.:]? *//')"
    echo "| [${f:0:4}]($f) | $title |"
  done
} > README.md
