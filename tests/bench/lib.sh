# bbs: ISC licence, see LICENSE.
# Sourced by tests/bench/bench-*.sh (run by scripts/bench, which sets BBS
# and BENCH_BUILD). Starts the two servers the benchmarks compare, each on
# a free port of 127.0.0.1 with its own temp dir, and stops them on exit:
#   $B          a private temp dir (mode 755: sshd reads keys as the user)
#   LOADGEN     tests/bench/loadgen from the bench build
#   bbs_start   bbs serve, data in $B/bbs, the key $B/key registered as
#               alice, boards general and announcements; sets BBS_PID,
#               BBS_PORT
#   sshd_start  Debian's /usr/sbin/sshd as root with $B/sshd_config:
#               publickey only, ForceCommand exec (a copy of)
#               tests/bench/screen,
#               MaxStartups 1000:30:1000; logs in as the user bbs-bench
#               (made by scripts/setup --bench); sets SSHD_PID, SSHD_PORT
#   load SERVER ARGS...   runs the loadgen against bbs or sshd
#   median      the median of numbers on stdin, one a line
# Every target is 127.0.0.1 and every loop is bounded.

set -eu
BBS=${BBS:?set BBS to the bbs binary (scripts/bench does)}
BENCH_BUILD=${BENCH_BUILD:?set BENCH_BUILD to the bench build dir}
LOADGEN=$BENCH_BUILD/tests/bench/loadgen
SCREEN=$BENCH_BUILD/tests/bench/screen
SSHD=/usr/sbin/sshd
SSHD_USER=bbs-bench
# The last text of the first screen, on both servers.
MARKER='o log'
# Other work on the machine (builds, tests) disturbs wall-clock figures.
# BENCH_PRIO=rr (the default) runs both servers and the client under
# SCHED_RR priority 1, so they preempt ordinary processes (the kernel still
# keeps 5% for those); nice: at nice -20; none: as they come. CPU time per
# connection hardly depends on it; latency does.
BENCH_PRIO=${BENCH_PRIO:-rr}
case $BENCH_PRIO in
rr) PRIO="chrt -r 1" ;;
nice) PRIO="nice -n -20" ;;
none) PRIO= ;;
*) echo "bench: BENCH_PRIO is rr, nice or none" >&2; exit 64 ;;
esac
BBS_PID=
SSHD_PID=

[ "$(id -u)" -eq 0 ] || { echo "bench: sshd must run as root" >&2; exit 1; }
B=$(mktemp -d "${TMPDIR:-/tmp}/bbs-bench.XXXXXX")
chmod 755 "$B"

bench_cleanup() {
	status=$?
	for pid in $BBS_PID $SSHD_PID; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in $BBS_PID $SSHD_PID; do
		i=0
		while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -KILL "$pid" 2>/dev/null || true
	done
	if [ "$status" -eq 0 ]; then
		rm -rf "$B"
	else
		echo "bench: logs kept in $B" >&2
	fi
	exit "$status"
}
trap bench_cleanup EXIT
trap 'exit 1' INT TERM

ssh-keygen -q -t ed25519 -N '' -C bench -f "$B/key"


# wait_for SECS CMD...: polls CMD every 0.1 s.
wait_for() {
	secs=$1
	shift
	i=0
	while [ "$i" -lt $((secs * 10)) ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

bbs_start() {
	d=$B/bbs
	"$BBS" key add alice --data "$d" <"$B/key.pub" >/dev/null
	"$BBS" board create general --title "General discussion" \
		--data "$d" >/dev/null
	"$BBS" board create announcements --title "Announcements" \
		--data "$d" >/dev/null
	# One key holds up to 1,000 sessions here: past the limits a member
	# and the machine have in service (sshd's MaxSessions is per
	# connection and holds nobody back either).
	"$BBS" config set sessions_per_member 10000 --data "$d" >/dev/null
	BBS_PORT=$("$LOADGEN" -f)
	$PRIO "$BBS" serve --listen "127.0.0.1:$BBS_PORT" --data "$d" \
		--sessions-max 65536 >"$B/bbs.log" 2>&1 &
	BBS_PID=$!
	wait_for 20 grep -q 'listening on' "$B/bbs.log" ||
		{ echo "bench: bbs serve did not start" >&2; exit 1; }
}

sshd_start() {
	id "$SSHD_USER" >/dev/null 2>&1 ||
		{ echo "bench: no user $SSHD_USER (scripts/setup --bench)" >&2; exit 1; }
	mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -C host -f "$B/sshd_host"
	cp "$B/key.pub" "$B/authorized_keys"
	chmod 644 "$B/authorized_keys"
	# The user must reach it: a checkout under /root would not do.
	cp "$SCREEN" "$B/screen"
	chmod 755 "$B/screen"
	SSHD_PORT=$("$LOADGEN" -f)
	cat >"$B/sshd_config" <<CFG
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $B/sshd_host
PidFile $B/sshd.pid
AuthorizedKeysFile $B/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $SSHD_USER
ForceCommand exec $B/screen
MaxStartups 1000:30:1000
UseDNS no
StrictModes no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
LogLevel ERROR
CFG
	"$SSHD" -t -f "$B/sshd_config"
	$PRIO "$SSHD" -f "$B/sshd_config" -D -e >"$B/sshd.log" 2>&1 &
	SSHD_PID=$!
	wait_for 20 grep -q . "$B/sshd.pid" ||
		{ echo "bench: sshd did not start" >&2; exit 1; }
}

# load bbs|sshd LOADGEN_ARGS...
load() {
	server=$1
	shift
	case $server in
	bbs) $PRIO "$LOADGEN" -p "$BBS_PORT" -P "$BBS_PID" -i "$B/key" \
		-m "$MARKER" "$@" ;;
	sshd) $PRIO "$LOADGEN" -p "$SSHD_PORT" -P "$SSHD_PID" -u "$SSHD_USER" \
		-i "$B/key" -m "$MARKER" "$@" ;;
	esac
}

# A server that died under the benchmark makes its figures worthless.
alive() {
	for pid in "$@"; do
		kill -0 "$pid" 2>/dev/null ||
			{ echo "bench: server $pid died" >&2; exit 1; }
	done
}

median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

loadavg() {
	cut -d' ' -f1-3 /proc/loadavg
}
