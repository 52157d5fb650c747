#!/usr/bin/env bash
# Writes docs/adr/README.md, the index of the decisions, from each ADR's title line and status line.
# The status line (within the first lines, usually "Date: … · Status: …") starts with one of
#   Accepted | Superseded by NNNN | Partly superseded by NNNN[, NNNN]
# (any case; a remark may follow). An ADR without one stops the script. DecisionIndexTests checks the same.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
status_pattern='status: *(accepted|superseded by [0-9]{4}|partly superseded by [0-9]{4}((, | and )[0-9]{4})*)'
rows=""
for f in [0-9][0-9][0-9][0-9]-*.md; do
  title="$(head -n 1 "$f" | sed -E 's/^# *//; s/^[0-9]+[.:]? *//')"
  status="$(head -n 8 "$f" | grep -oiE "$status_pattern" | head -n 1 | sed -E 's/^[Ss][Tt][Aa][Tt][Uu][Ss]: *//')" || true
  if [[ -z "$status" ]]; then
    echo "$f has no status line (Status: Accepted | Superseded by NNNN | Partly superseded by NNNN)" >&2
    exit 1
  fi
  status="$(echo "${status:0:1}" | tr '[:lower:]' '[:upper:]')$(echo "${status:1}" | tr '[:upper:]' '[:lower:]')"
  rows+="| [${f:0:4}]($f) | $title | $status |"$'\n'
done
{
  echo "# Architecture decision records"
  echo
  echo "One file per decision, numbered in the order they were taken. Made by \`make-index.sh\`; a test fails when it is out of date."
  echo "A superseded record is kept, short, and points to the record that replaced it; read that one instead."
  echo
  echo "| # | decision | status |"
  echo "|---|---|---|"
  printf '%s' "$rows"
} > README.md
