#!/usr/bin/env bash
# Probes the portal for SQL injection with sqlmap (Debian package `sqlmap`), as a signed-in user,
# over the main search and filter parameters (GET) and the main forms (POST, with a fresh
# antiforgery token per request). Starts its own portal on 127.0.0.1 with the demo board on a
# throw-away SQLite database, or on PostgreSQL when PORTAL_SQLMAP_POSTGRES holds a server's
# connection string (without a database name; a fresh database lzp_sqlmap_<pid> is created and left
# for inspection).
#
#   bash security/sqlmap-check.sh            # prints one line per target and a summary
#
# Exit code 0 when sqlmap reports nothing injectable, 1 when it does, 2 when the setup fails.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install -y sqlmap" >&2; exit 2; }

port=${PORTAL_SQLMAP_PORT:-5097}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'kill "$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/LeerlingzorgPortal.Web -v q -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base"
# The scan sends thousands of requests: lift the throttling for this private instance only.
export Security__Throttling__PerClientPerMinute=1000000 Security__Throttling__PerAccountPerMinute=1000000 \
       Security__Throttling__ExportsPerUserPerMinute=1000000 Retention__DailyJob=false Security__RequireTwoFactor=false
if [ -n "${PORTAL_SQLMAP_POSTGRES:-}" ]; then
  pgdb="lzp_sqlmap_$$"
  export Database__Provider=PostgreSql ConnectionStrings__Portal="$PORTAL_SQLMAP_POSTGRES;Database=$pgdb"
  provider=PostgreSQL
else
  export Database__Provider=Sqlite ConnectionStrings__Portal="Data Source=$work/portal.db"
  provider=SQLite
fi
(cd src/LeerlingzorgPortal.Web && exec dotnet bin/Release/net10.0/LeerlingzorgPortal.Web.dll) > "$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 120); do
  curl -sf "$base/health/ready" >/dev/null && break
  kill -0 "$portal" 2>/dev/null || { cat "$work/portal.log" >&2; exit 2; }
  sleep 1
done
curl -sf "$base/health/ready" >/dev/null || { echo "the portal did not start" >&2; exit 2; }

# Signs in and prints the cookie header sqlmap sends with every request.
sign_in() {
  local jar="$work/$1.jar" token
  token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=Zorgportaal2026" \
       --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}'
}
coordinator=$(sign_in coordinator@demo.school.example)
admin=$(sign_in beheer@demo.school.example)
for check in "$coordinator|/Pupils" "$admin|/Admin/Users"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${check%|*}" "$base${check#*|}")" = 200 ] || { echo "signing in failed" >&2; exit 2; }
done

found=0
probe() { # name cookie url [extra sqlmap options...]
  local name=$1 cookie=$2 url=$3; shift 3
  local out="$work/$name.txt"
  sqlmap -u "$url" --cookie="$cookie" --batch --level=2 --risk=1 --technique=BEU \
         --flush-session --output-dir="$work/sqlmap" --disable-coloring "$@" > "$out" 2>&1 || true
  if grep -qE "is vulnerable|identified the following injection point" "$out"; then
    echo "INJECTABLE  $name"; grep -E "Parameter:|Type:" "$out" | sed 's/^/    /'; found=1
  elif grep -qE "all tested parameters do not appear to be injectable|do not appear to be injectable" "$out"; then
    echo "clean       $name ($(grep -c "testing '" "$out") payload families on $(grep -oE "(GET|POST) parameter '[^']+'" "$out" | sort -u | wc -l) parameters)"
  else
    echo "UNCLEAR     $name (see the sqlmap output below)"; tail -5 "$out" | sed 's/^/    /'; found=1
  fi
}

echo "sqlmap $(sqlmap --version 2>/dev/null | head -1) against $base ($provider), $(date -u +%Y-%m-%dT%H:%MZ)"
# Search and filter parameters.
probe pupils-search   "$coordinator" "$base/Pupils?search=Jansen&page=1"
probe referrals-list  "$coordinator" "$base/Referrals?status=InProgress&mine=false&page=1"
probe cases-list      "$coordinator" "$base/CareCases?closed=false&page=1"
probe agencies-search "$coordinator" "$base/Agencies?search=ggd&region=Alphen&page=1"
probe incidents-list  "$coordinator" "$base/Incidents?category=Bullying&page=1"
probe timeline        "$coordinator" "$base/Pupils/Timeline/1?kind=Note&page=1"
probe dashboard       "$coordinator" "$base/Reports?year=2026&from=2026-09-01&to=2026-11-01"
probe audit-log       "$coordinator" "$base/Audit?pupil=Jansen&from=01-11-2026&to=22-11-2026&page=1"
probe users-search    "$admin"       "$base/Admin/Users?search=jansen&page=1"
# Forms, each request with a fresh antiforgery token from the form's own page.
probe sign-in-form    "" "$base/Account/Login" --data="Email=a%40b.nl&Password=x&__RequestVerificationToken=x" \
      --csrf-token=__RequestVerificationToken --csrf-url="$base/Account/Login" -p Email
probe audit-filter    "$coordinator" "$base/Audit/Unusual?from=2026-11-01&to=2026-11-22"
probe agency-form     "$coordinator" "$base/Agencies/Create" --data="Name=Test&Kind=Ggd&Region=Noord&Offer=x&__RequestVerificationToken=x" \
      --csrf-token=__RequestVerificationToken --csrf-url="$base/Agencies/Create" -p "Name,Region"

if [ "$found" = 0 ]; then echo "sqlmap: nothing injectable"; else echo "sqlmap: FINDINGS above"; exit 1; fi
