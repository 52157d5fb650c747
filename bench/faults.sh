#!/usr/bin/env bash
# Faults 2 and 3 of docs/benchmarks.md ("Faults"), for real (ADR 0023):
#   2. the database stops: a private PostgreSQL cluster, the Release portal over it, `pg_ctl stop -m fast`
#      while requests run; how soon pages answer 503, what /health/ready says, and how soon after
#      `pg_ctl start` pages answer 200 again, without restarting the portal;
#   3. long reports do not block other users: p50/p99 of a normal signed-in page (wrk) alone, while 16
#      connections download dashboard exports without pause, and while 24 exports are held in the database
#      by a table lock (they end by the command timeout with the Dutch 503).
# Writes its figures as Markdown to stdout (and to $1 when given). Needs dotnet, PostgreSQL (Debian's), wrk, curl.
# Usage: bash bench/faults.sh [results.md]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="${1:-}"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'faults: %s\n' "$*" >&2; exit 1; }
for tool in dotnet wrk curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[ -x "$pg_bin/initdb" ] || die "PostgreSQL is missing (apt-get install -y postgresql)"

work="$(mktemp -d "${TMPDIR:-/tmp}/lzp-faults.XXXXXX")"
chmod 755 "$work"
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_pg() { runuser -u postgres -- "$@"; }
fi
free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

app_pid=""
lock_pid=""
cleanup() {
  [ -n "$lock_pid" ] && kill "$lock_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- PostgreSQL -----------------------------------------------------------------------------------
pg_port="$(free_port 55532)"
mkdir "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
pg_start() {
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/pg.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg" start >/dev/null
}
pg_stop() { as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null; }
say "PostgreSQL on 127.0.0.1:$pg_port"
pg_start

# --- The portal, Release, demo board ---------------------------------------------------------------
say "building the portal (Release)"
dotnet build src/LeerlingzorgPortal.Web -c Release -v q -nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; die "build failed"; }
app_port="$(free_port 5310)"
base="http://127.0.0.1:$app_port"
say "starting the portal on $base (Development for the demo board; timeouts are the portal's defaults)"
(
  cd src/LeerlingzorgPortal.Web
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
  Database__Provider=PostgreSql ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Database=portal;Username=postgres" \
  Security__Throttling__PerClientPerMinute=1000000 Security__Throttling__PerAccountPerMinute=1000000 \
  Security__Throttling__ExportsPerUserPerMinute=1000000 Serilog__MinimumLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/LeerlingzorgPortal.Web.dll >"$work/app.log" 2>&1
) &
app_pid=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = 200 ] && break
  kill -0 "$app_pid" 2>/dev/null || { tail -30 "$work/app.log" >&2; die "the portal stopped"; }
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] || die "the portal did not become ready"

sign_in() { # jar email
  local token
  token="$(curl -s -c "$1" -b "$1" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "Email=$2" \
    --data-urlencode "Password=Zorgportaal2026" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login")"
  [ "$code" = 302 ] || die "sign-in as $2 answered $code"
}
cookie_of() { awk '$6 ~ /^lzp\./ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$1"; }

sign_in "$work/mentor.jar" mentor@demo.school.example
sign_in "$work/leader.jar" schoolleiding@demo.school.example
mentor_cookie="$(cookie_of "$work/mentor.jar")"
leader_cookie="$(cookie_of "$work/leader.jar")"
page="$base/Pupils"
export_url="$base/Reports/DashboardExport?table=aanmeldingen&format=xlsx"
curl -s -o /dev/null -H "Cookie: $mentor_cookie" "$page"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $mentor_cookie" "$page")" = 200 ] || die "the mentor's page does not answer 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $leader_cookie" "$export_url")" = 200 ] || die "the export does not answer 200"

now() { date +%s.%N; }

# --- Fault 2: the database stops and comes back ----------------------------------------------------
# Two probes, one request after the other, each line: start end status seconds.
probe() { # url cookie out
  while [ ! -e "$work/stop-probes" ]; do
    local t0 r
    t0="$(now)"
    r="$(curl -s -o "$3.body" -w '%{http_code} %{time_total}' --max-time 60 ${2:+-H "Cookie: $2"} "$1" || echo "000 60")"
    echo "$t0 $(now) $r" >>"$3"
    [ "${r%% *}" = 503 ] && cp "$3.body" "$3.503" 2>/dev/null || true
    sleep 0.1
  done
}
say "fault 2: stopping PostgreSQL under load"
probe "$page" "$mentor_cookie" "$work/page.txt" &
probe_page=$!
probe "$base/health/ready" "" "$work/ready.txt" &
probe_ready=$!
wrk -t2 -c8 -d24s --timeout 60s --latency -H "Cookie: $mentor_cookie" "$page" >"$work/wrk-outage.txt" 2>&1 &
wrk_pid=$!
sleep 4
t_stop="$(now)"; pg_stop; t_stopped="$(now)"
sleep 8
t_start="$(now)"; pg_start; t_started="$(now)"
sleep 8
touch "$work/stop-probes"; wait "$probe_page" "$probe_ready" "$wrk_pid" || true

first_after() { # file since status -> seconds from since to the end of the first answer with that status started after since
  awk -v since="$2" -v want="$3" '$1 >= since && $3 == want { printf "%.2f", $2 - since; exit }' "$1"
}
first_answer_after() { # file since status -> like first_after, but for any request that ended after since
  awk -v since="$2" -v want="$3" '$2 >= since && $3 == want { printf "%.2f", $2 - since; exit }' "$1"
}
statuses_between() { # file from to
  awk -v a="$2" -v b="$3" '$1 >= a && $1 < b { n[$3]++ } END { for (s in n) printf "%s%s × %s", sep, n[s], s; sep=", " }' "$1"
}
slowest_between() { awk -v a="$2" -v b="$3" '$1 >= a && $1 < b && $4 > m { m = $4 } END { printf "%.2f", m }' "$1"; }

stop_secs="$(awk -v a="$t_stop" -v b="$t_stopped" 'BEGIN { printf "%.2f", b - a }')"
start_secs="$(awk -v a="$t_start" -v b="$t_started" 'BEGIN { printf "%.2f", b - a }')"
page_503="$(first_answer_after "$work/page.txt" "$t_stop" 503)"
ready_503="$(first_answer_after "$work/ready.txt" "$t_stop" 503)"
page_200="$(first_after "$work/page.txt" "$t_started" 200)"
ready_200="$(first_after "$work/ready.txt" "$t_started" 200)"
page_outage="$(statuses_between "$work/page.txt" "$t_stopped" "$t_start")"
ready_outage="$(statuses_between "$work/ready.txt" "$t_stopped" "$t_start")"
page_slowest="$(slowest_between "$work/page.txt" "$t_stop" "$t_started")"
ready_slowest="$(slowest_between "$work/ready.txt" "$t_stop" "$t_started")"
page_after="$(statuses_between "$work/page.txt" "$t_started" 99999999999)"
dutch="no"; grep -q "De database is even niet bereikbaar" "$work/page.txt.503" 2>/dev/null && dutch="yes"
wrk_max="$(awk '/Latency/ { print $4; exit }' "$work/wrk-outage.txt")"
wrk_non2xx="$(awk '/Non-2xx/ { print $NF }' "$work/wrk-outage.txt")"
wrk_total="$(awk '/requests in/ { print $1 }' "$work/wrk-outage.txt")"
wrk_errors="$(awk '/Socket errors/ { print }' "$work/wrk-outage.txt")"

# --- Fault 3: long reports and exports next to normal pages -----------------------------------------
wrk_page() { # label [seconds] -> "p50 p99 req/s"
  wrk -t2 -c8 -d"${2:-10}s" --timeout 30s --latency -H "Cookie: $mentor_cookie" "$page" >"$work/wrk-$1.txt" 2>&1
  awk '/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Requests\/sec/ { rps = $2 } END { printf "%s %s %s\n", p50, p99, rps }' "$work/wrk-$1.txt"
}
say "fault 3: the mentor's page alone"
read -r alone_p50 alone_p99 alone_rps < <(wrk_page alone)

say "fault 3: the mentor's page while 16 connections download dashboard exports"
wrk -t1 -c16 -d14s --timeout 30s --latency -H "Cookie: $leader_cookie" "$export_url" >"$work/wrk-exports.txt" 2>&1 &
exports_pid=$!
sleep 2
read -r busy_p50 busy_p99 busy_rps < <(wrk_page busy)
wait "$exports_pid" || true
exports_rps="$(awk '/Requests\/sec/ { print $2 }' "$work/wrk-exports.txt")"
exports_p99="$(awk '/^ +99%/ { print $2 }' "$work/wrk-exports.txt")"

say "fault 3: the mentor's page while 24 exports are held in the database (a table lock)"
# The lock is held longer than the command timeout (10 s by default): the held exports end with the Dutch 503.
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d portal -q -c 'BEGIN; LOCK TABLE "ExternalReferrals" IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); ROLLBACK;' >/dev/null 2>&1 &
lock_pid=$!
sleep 1
t_held="$(now)"
for i in $(seq 1 24); do
  ( r="$(curl -s -o "$work/held-$i.body" -w '%{http_code} %{time_total}' --max-time 60 -H "Cookie: $leader_cookie" "$export_url" || echo "000 60")"
    echo "$r" >"$work/held-$i.txt" ) &
done
sleep 1
read -r held_p50 held_p99 held_rps < <(wrk_page held 8)
wait_for_held() { for _ in $(seq 1 120); do [ "$(ls "$work"/held-*.txt 2>/dev/null | wc -l)" -ge 24 ] && return; sleep 0.5; done; }
wait_for_held
held_codes="$(cat "$work"/held-*.txt | awk '{ n[$1]++ } END { for (s in n) printf "%s%s × %s", sep, n[s], s; sep=", " }')"
held_times="$(cat "$work"/held-*.txt | awk 'NR == 1 || $2 < min { min = $2 } $2 > max { max = $2 } END { printf "%.1f–%.1f s", min, max }')"
held_dutch="no"; grep -lq "De database reageerde niet op tijd" "$work"/held-*.body 2>/dev/null && held_dutch="yes"
wait "$lock_pid" 2>/dev/null || true
lock_pid=""
app_rss="$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app_pid/status" 2>/dev/null || echo "?")"

# --- Report ----------------------------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //') × $(nproc)"
report="$(cat <<EOF
Run $(date -u '+%Y-%m-%d %H:%M UTC') on $cpu, \`bash bench/faults.sh\`: PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }'),
the Release portal (demo board, its default timeouts: connect 5 s, command 10 s, readiness check 3 s), signed in as the demo mentor
(page: \`/Pupils\`) and school leader (export: dashboard, referrals per month, xlsx).

**Fault 2: the database stops during requests** (\`pg_ctl stop -m fast\`, 8 s away, \`pg_ctl start\`; a probe requests the page and
\`/health/ready\` one after the other, and wrk keeps 8 connections on the page meanwhile)

| What | Measured |
|---|---|
| \`pg_ctl stop -m fast\` took | $stop_secs s |
| from the stop until the page answered 503 | $page_503 s |
| page answers while the database was away | $page_outage |
| the 503 page says "De database is even niet bereikbaar" | $dutch |
| slowest page answer from the stop until the database was back | $page_slowest s |
| from the stop until \`/health/ready\` answered 503 (Unhealthy) | $ready_503 s |
| \`/health/ready\` answers while away | $ready_outage (slowest $ready_slowest s) |
| \`pg_ctl start\` took | $start_secs s |
| from the database being back until the page answered 200 (no restart) | $page_200 s |
| page answers after it was back | $page_after |
| from the database being back until \`/health/ready\` answered 200 | $ready_200 s |
| wrk during the whole run: requests, non-2xx, slowest | $wrk_total, ${wrk_non2xx:-0}, $wrk_max ${wrk_errors:+($wrk_errors)} |

**Fault 3: long reports do not block other users** (wrk, 8 connections, 10 s, on the mentor's page)

| The mentor's page | p50 | p99 | requests/s |
|---|---:|---:|---:|
| alone | $alone_p50 | $alone_p99 | $alone_rps |
| while 16 connections download exports without pause (exports: $exports_rps/s, p99 $exports_p99) | $busy_p50 | $busy_p99 | $busy_rps |
| while 24 exports wait on a table lock in the database (8 s) | $held_p50 | $held_p99 | $held_rps |

The 24 held exports answered $held_codes after $held_times (the command timeout ends them; Dutch "De database reageerde niet op tijd" page: $held_dutch). Peak memory of the portal: $app_rss.
EOF
)"
printf '%s\n' "$report"
[ -n "$results" ] && printf '%s\n' "$report" >"$results"
exit 0
