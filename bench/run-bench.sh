#!/usr/bin/env bash
# The portal's benchmark at board scale (ADR 0024).
#
#   bench/run-bench.sh              full run: SQLite and PostgreSQL, 1,000 and 20,000 pupils, wrk 10 s per page
#   bench/run-bench.sh --small      quick check: both databases, 1,000 pupils, wrk 3 s per page
#   options: --sizes "1000 20000"  --databases "sqlite postgresql"  --duration 10s  --out FILE
#
# For each database and size: a fresh database, migrated by the app's own step and filled by
# bench/BoardGenerator (seeded, so always the same board); the Release build of the app started as deployed
# on a free loopback port, in the environment "Benchmark": everything as in Production (exception page,
# HSTS, request logging, no demo data) except the https-only "__Host-" cookies, which Production refuses to
# issue over plain http (wrk and TLS would measure the TLS handshake more than the pages); four people signed in
# (coordinator, care worker, mentor, school leader) with the antiforgery token; then wrk
# (-t2 -c32 --latency) on each key page with that person's cookie. Every answer that is not 200 is counted
# (bench/wrk/count-status.lua): a redirect to the sign-in page would look fast.
# PostgreSQL: PORTAL_TEST_POSTGRES if set (a database per run is created and dropped), else a private
# cluster started here like tests/run-all.sh does.
# Prints the markdown for docs/benchmarks.md and writes it to --out (default bench/results/<date>.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="1000 20000"
databases="sqlite postgresql"
duration="10s"
warmup="2s"
connections=32
threads=2
out=""
mode="full"
while [ $# -gt 0 ]; do
  case "$1" in
    --small) sizes="1000"; duration="3s"; warmup="1s"; mode="small" ;;
    --sizes) sizes="$2"; shift ;;
    --databases) databases="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run-bench: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is missing"

work="$(mktemp -d "${TMPDIR:-/tmp}/lzp-bench.XXXXXX")"
# Traversable (not listable) for the postgres account that owns the private cluster below it.
chmod 711 "$work"
app_pid=""
pg_started=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$pg_started" ]; then pg_user_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- Build -------------------------------------------------------------------------------------
say "building the app and the generator in Release"
dotnet build "$root/src/LeerlingzorgPortal.Web" -c Release -v q -nologo 2>&1 | tail -n 2 >&2
dotnet build "$root/bench/BoardGenerator" -c Release -v q -nologo 2>&1 | tail -n 2 >&2
web_dir="$root/src/LeerlingzorgPortal.Web"
app_dll="$web_dir/bin/Release/net10.0/LeerlingzorgPortal.Web.dll"
generator_dll="$root/bench/BoardGenerator/bin/Release/net10.0/BoardGenerator.dll"

# --- PostgreSQL ----------------------------------------------------------------------------------
pg_user_run() { "$@"; }
if [[ " $databases " == *" postgresql "* ]] && [ -z "${PORTAL_TEST_POSTGRES:-}" ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -x "${pg_bin:-}/initdb" ] || die "PostgreSQL is not installed (apt-get install -y postgresql) and PORTAL_TEST_POSTGRES is not set"
  pg_dir="$work/pg"
  mkdir -p "$pg_dir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
    pg_user_run() { runuser -u postgres -- "$@"; }
  fi
  pg_port=55480
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  say "starting a private PostgreSQL on 127.0.0.1:$pg_port"
  pg_user_run "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null || die "initdb failed"
  pg_user_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/data/pg.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir" start >/dev/null || die "PostgreSQL did not start"
  pg_started=1
  PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
fi

free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Cookies from the Set-Cookie lines of a response's headers, as one Cookie header value (for wrk too).
cookies_from() { grep -i '^set-cookie:' "$1" | sed -E 's/^[Ss]et-[Cc]ookie: *//; s/;.*//' | grep -v '=$' | tr -d '\r' | paste -sd ';' | sed 's/;/; /g'; }

sign_in() { # email password -> Cookie header value
  local base="$1" email="$2" password="$3" headers="$work/h.txt" page token first
  page="$(curl -s -D "$headers" "$base/Account/Login")"
  token="$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')"
  first="$(cookies_from "$headers")"
  curl -s -o /dev/null -D "$headers" -H "Cookie: $first" \
    --data-urlencode "Email=$email" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/Account/Login"
  grep -q '^HTTP/[0-9.]* 302' "$headers" || die "sign-in of $email failed: $(head -n 1 "$headers")"
  cookies_from "$headers"
}

results="$work/results.tsv"   # database size page role rps p50 p99 not200 status
memory="$work/memory.tsv"     # database size vmhwm_mb generate_s counts
: >"$results"; : >"$memory"; : >"$work/counts.txt"

for database in $databases; do
  for size in $sizes; do
    say "$database, $size pupils"
    case "$database" in
      sqlite) provider=Sqlite; connection="Data Source=$work/board-$size.db" ;;
      postgresql)
        provider=PostgreSql
        db_name="lzp_bench_${size}_$$"
        connection="${PORTAL_TEST_POSTGRES};Database=$db_name"
        ;;
      *) die "unknown database $database" ;;
    esac
    export Database__Provider="$provider" ConnectionStrings__Portal="$connection"

    started=$(date +%s.%N)
    dotnet "$generator_dll" --pupils "$size" --facts "$work/facts.env" 2>&1 | grep -E '^(Migrated|Loaded)' | tee "$work/generated.txt" >&2
    generate_s=$(echo "$(date +%s.%N) - $started" | bc)
    printf '%s, %s pupils: %s\n' "$database" "$size" "$(grep '^Loaded' "$work/generated.txt" | sed 's/^Loaded in [0-9.]* s: //')" >>"$work/counts.txt"
    # shellcheck disable=SC1091
    set -a; . "$work/facts.env"; set +a

    port="$(free_port)"
    base="http://127.0.0.1:$port"
    (cd "$web_dir" && exec env ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$base" \
      Security__RequireTwoFactor=false Retention__DailyJob=false Database__MigrateOnStart=false \
      Security__Throttling__PerClientPerMinute=100000000 Security__Throttling__PerAccountPerMinute=100000000 \
      Security__Throttling__ExportsPerUserPerMinute=100000000 \
      dotnet "$app_dll" >"$work/app-$database-$size.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 120); do
      curl -sf -o /dev/null "$base/health/ready" && break
      kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app-$database-$size.log" >&2; die "the app did not start"; }
      sleep 0.5
    done
    # The dotnet host runs the app in-process: this pid is the app's.
    declare -A cookie
    cookie[coordinator]="$(sign_in "$base" "$COORDINATOR" "$PASSWORD")"
    cookie[careworker]="$(sign_in "$base" "$CAREWORKER" "$PASSWORD")"
    cookie[mentor]="$(sign_in "$base" "$MENTOR" "$PASSWORD")"
    cookie[leader]="$(sign_in "$base" "$LEADER" "$PASSWORD")"

    # name|role|url; the first is the floor.
    pages=(
      "Floor: Wachtwoord wijzigen (cheapest signed-in page)|leader|/Account/Password"
      "Home|coordinator|/"
      "Home|careworker|/"
      "Home|mentor|/"
      "Home|leader|/"
      "Intake queue (Triage)|coordinator|/Triage"
      "Pupil search (a surname)|coordinator|/Pupils?Search=$SEARCH"
      "Timeline, 300-entry pupil|careworker|/Pupils/Timeline/$TIMELINE_PUPIL"
      "Case page|careworker|/Referrals/Details/$CASE"
      "Meeting agenda|coordinator|/Meetings/Agenda/$MEETING"
      "Dashboard (whole board)|leader|/Reports"
      "Export: referrals per month (csv)|leader|/Reports/DashboardExport?table=aanmeldingen&format=csv"
    )
    # A first pass over every page, twice, so the whole pipeline is JIT-compiled (tiered, with dynamic PGO) before
    # the floor is measured: on a busy machine the background JIT needs tens of seconds to reach steady state.
    for _ in 1 2; do
      for entry in "${pages[@]}"; do
        IFS='|' read -r name role url <<<"$entry"
        wrk -t"$threads" -c8 -d"$warmup" -H "Cookie: ${cookie[$role]}" "$base$url" >/dev/null 2>&1 || true
      done
    done
    # The floor again at the end: the machine is shared, so its load drifts during a run; the ratio uses the mean.
    pages+=("${pages[0]/Floor:/Floor again:}")
    for entry in "${pages[@]}"; do
      IFS='|' read -r name role url <<<"$entry"
      status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookie[$role]}" "$base$url")"
      # Warm-up (JIT tiering, EF query cache, connection pool), not measured.
      wrk -t"$threads" -c8 -d"$warmup" -H "Cookie: ${cookie[$role]}" "$base$url" >/dev/null 2>&1 || true
      line="$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$root/bench/wrk/count-status.lua" \
        -H "Cookie: ${cookie[$role]}" "$base$url" | grep '^BENCH')"
      eval "${line#BENCH }"
      rps=$(echo "scale=1; $requests * 1000000 / $duration_us" | bc)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$database" "$size" "$name" "$role" "$rps" \
        "$(echo "scale=1; $p50_us / 1000" | bc)" "$(echo "scale=1; $p99_us / 1000" | bc)" "$((not200 + socket_errors))" "$status" \
        | tee -a "$results" >&2
    done
    hwm_kb="$(awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status")"
    printf '%s\t%s\t%s\t%.0f\n' "$database" "$size" "$((hwm_kb / 1024))" "$generate_s" | tee -a "$memory" >&2
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
    if [ "$database" = postgresql ]; then
      dotnet "$generator_dll" --drop >/dev/null 2>&1 || true
    fi
    unset cookie
  done
done

# --- Report --------------------------------------------------------------------------------------
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
report="$(
  echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC on $machine; .NET $(dotnet --version), $(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }')."
  echo "Command: \`bench/run-bench.sh${mode/full/} --sizes \"$sizes\" --databases \"$databases\" --duration $duration\`; wrk -t$threads -c$connections -d$duration --latency per page."
  echo
  echo "× floor: throughput divided by the mean of the two floor measurements (start and end) of the same configuration."
  echo "Not 200: answers other than 200 plus socket errors and timeouts (10 s); any makes the row suspect."
  echo
  echo "| Database | Pupils | Page | Role | req/s | p50 ms | p99 ms | × floor | not 200 | p99 vs 1,000 | Targets |"
  echo "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '
    NR == FNR { if ($3 ~ /^Floor/) { floor[$1 "|" $2] += $5 / 2 } next }
    { key = $1 "|" $3 "|" $4 }
    $2 == 1000 { small[key] = $7 }
    {
      ratio = $5 / floor[$1 "|" $2]
      vs = (($2 != 1000) && (key in small) && small[key] > 0) ? sprintf("%.2f×", $7 / small[key]) : "–"
      miss = ""
      if ($9 != 200 || $8 > 0) miss = miss " non-200!"
      if ($7 >= 100) miss = miss " p99"
      if ($3 !~ /^Floor/ && ratio < 0.4) miss = miss " throughput"
      if (vs != "–" && $7 / small[key] > 1.5) miss = miss " growth"
      printf "| %s | %s | %s | %s | %.0f | %.1f | %.1f | %.2f | %d | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, ratio, $8, vs, (miss == "" ? "met" : "missed:" miss)
    }' "$results" "$results"
  echo
  echo "| Database | Pupils | App peak memory (VmHWM) | Generate + migrate |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s MB | %s s |\n", $1, $2, $3, $4 }' "$memory"
  echo
  echo "Generated boards:"
  echo
  sed 's/^/- /' "$work/counts.txt"
)"
echo "$report"
if [ -z "$out" ]; then
  mkdir -p "$root/bench/results"
  out="$root/bench/results/$(date -u '+%Y%m%d-%H%M')-$mode.md"
fi
printf '%s\n' "$report" >"$out"
cp "$results" "${out%.md}.tsv"
say "written to $out"
