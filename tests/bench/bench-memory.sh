#!/bin/sh
# bbs: ISC licence, see LICENSE.
# Memory: bbs and OpenSSH's sshd holding BENCH_HOLD idle interactive
# sessions (default 200, then 1000), each at its first screen. Reads PSS,
# USS (Private_Clean + Private_Dirty) and the process count, summed over
# the server's process tree from /proc/PID/smaps_rollup, with no session
# and with all of them open; prints the difference per session. Prints
# Markdown. Run by scripts/bench.
. "$(dirname "$0")/lib.sh"

HOLD=${BENCH_HOLD:-200 1000}
# Each session holds sockets, ptys and pipes in the server and a socket in
# the client: make room.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

bbs_start
sshd_start
load0=$(loadavg)
load bbs -n 10 >/dev/null
load sshd -n 10 >/dev/null
for k in $HOLD; do
	for s in bbs sshd; do
		# 16 clients open them, each from its own /24, so that
		# neither server's pre-authentication limits are the limit.
		load "$s" -k "$k" -c 16 -s 16 >"$B/mem-$s-$k.out" ||
			echo "bench: $s holding $k: some failed" >&2
		alive "$BBS_PID" "$SSHD_PID"
	done
done
load1=$(loadavg)

field() {
	awk -v p="$2" -v k="$3" '$1 == p || index($1, p "=") == 1 {
		for (i = 1; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[1] == k) { print kv[2]; exit }
		} }' "$1"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

mb() {
	awk -v k="$1" 'BEGIN { printf "%.2f", k / 1024 }'
}

echo "## Memory per idle session"
echo
echo "Interactive sessions (pty 80x24, first screen drawn, then idle),"
echo "opened by 16 clients. Summed over the server's process tree from"
echo "/proc/PID/smaps_rollup: PSS, USS = Private_Clean + Private_Dirty."
echo "Per session = (with the sessions open - with none) / sessions."
echo
echo "| sessions | server | PSS MB/session | USS MB/session | processes/session | tree PSS MB, none open | tree PSS MB, all open | opened |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for k in $HOLD; do
	for s in bbs sshd; do
		f=$B/mem-$s-$k.out
		eval "${s}_pss=\$(field $f per_session pss_kb)"
		eval "${s}_uss=\$(field $f per_session uss_kb)"
		eval "${s}_procs=\$(field $f per_session procs)"
		eval "pss=\$${s}_pss uss=\$${s}_uss procs=\$${s}_procs"
		echo "| $k | $s | $(mb "$pss") | $(mb "$uss") | $procs |" \
			"$(mb "$(field "$f" before pss_kb)") |" \
			"$(mb "$(field "$f" after pss_kb)") |" \
			"$(field "$f" mode ok) |"
	done
	echo "| $k | bbs / sshd | $(ratio "$bbs_pss" "$sshd_pss") |" \
		"$(ratio "$bbs_uss" "$sshd_uss") |" \
		"$(ratio "$bbs_procs" "$sshd_procs") | | | |"
done
echo
echo "Load average (1, 5, 15 min) before: $load0; after: $load1."
