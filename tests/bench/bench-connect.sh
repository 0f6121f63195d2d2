#!/bin/sh
# bbs: ISC licence, see LICENSE.
# Connections: bbs and OpenSSH's sshd side by side on loopback, driven by
# tests/bench/loadgen. For 1, 8 and 64 concurrent clients: the server's
# CPU time per connection (its whole process tree, from /proc), connections
# per second, and p50/p99 from TCP connect to the first screen drawn; at 1
# client, the p50 of each phase. Each figure is the median of
# BENCH_REPEAT runs (default 3), bbs and sshd taking turns so that both
# see the same machine. Prints Markdown. Run by scripts/bench.
. "$(dirname "$0")/lib.sh"

REPEAT=${BENCH_REPEAT:-3}
CONNS1=${BENCH_CONNS1:-200}   # connections per run at 1 client
CONNS8=${BENCH_CONNS8:-400}   # at 8
CONNS64=${BENCH_CONNS64:-640} # at 64

bbs_start
sshd_start
load0=$(loadavg)
# Warm both up (page cache, first-run costs) before measuring.
load bbs -n 20 >/dev/null
load sshd -n 20 >/dev/null
alive "$BBS_PID" "$SSHD_PID"

for c in 1 8 64; do
	eval n=\$CONNS$c
	r=1
	while [ "$r" -le "$REPEAT" ]; do
		for s in bbs sshd; do
			# Each client speaks from its own 127.0.x.1, its own /24:
			# bbs admits at most 32 pending logins per /24.
			load "$s" -c "$c" -s "$c" -n "$n" >"$B/$s-$c-$r.out" ||
				echo "bench: $s at $c clients: some failed" >&2
			alive "$BBS_PID" "$SSHD_PID"
		done
		r=$((r + 1))
	done
done
load1=$(loadavg)

# field FILE LINE_PREFIX KEY: the value of KEY=... on the line.
field() {
	awk -v p="$2" -v k="$3" '$1 == p || index($1, p "=") == 1 {
		for (i = 1; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[1] == k) { print kv[2]; exit }
		} }' "$1"
}

# med SERVER CLIENTS LINE KEY: the median over the runs.
med() {
	r=1
	while [ "$r" -le "$REPEAT" ]; do
		field "$B/$1-$2-$r.out" "$3" "$4"
		r=$((r + 1))
	done | median
}

# others SERVER CLIENTS: median over the runs of the machine's busy cores
# less the server's (CPU per connection x connections per second) and the
# client's.
others() {
	r=1
	while [ "$r" -le "$REPEAT" ]; do
		f=$B/$1-$2-$r.out
		awk -v busy="$(field "$f" machine busy)" \
		    -v client="$(field "$f" machine client)" \
		    -v cpu="$(field "$f" server_cpu_ms per_conn)" \
		    -v cps="$(field "$f" mode conn_per_s)" \
		    'BEGIN { printf "%.2f\n", busy - client - cpu * cps / 1000 }'
		r=$((r + 1))
	done | median
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

echo "## Connections"
echo
echo "Loopback, key exchange curve25519-sha256, host key ssh-ed25519,"
echo "cipher chacha20-poly1305, user key ed25519, pty 80x24"
echo "xterm-256color. Median of $REPEAT runs of $CONNS1, $CONNS8 and"
echo "$CONNS64 connections at 1, 8 and 64 clients. Server CPU: utime + stime"
echo "(+ children's) summed over the server's process tree from /proc,"
echo "before and after a run, per connection. First screen: from connect()"
echo "to the last text of the first screen read by the client. Other"
echo "load: the machine's busy cores (of $(nproc)) during a run less this"
echo "server's and the client's, i.e. other people's work."
echo
echo "| clients | server | CPU ms/conn | conn/s | first screen p50 ms | p99 ms | failed | other load (cores) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for c in 1 8 64; do
	for s in bbs sshd; do
		eval "${s}_cpu=\$(med $s $c server_cpu_ms per_conn)"
		eval "${s}_cps=\$(med $s $c mode conn_per_s)"
		eval "${s}_p50=\$(med $s $c screen_ms p50)"
		eval "${s}_p99=\$(med $s $c screen_ms p99)"
		eval "${s}_fail=\$(med $s $c mode failed)"
		# Cores busy with anything but this server and the client.
		eval "${s}_busy=\$(others $s $c)"
		eval "echo \"| $c | $s | \$${s}_cpu | \$${s}_cps | \$${s}_p50 | \$${s}_p99 | \$${s}_fail | \$${s}_busy |\""
	done
	echo "| $c | bbs / sshd | $(ratio "$bbs_cpu" "$sshd_cpu") |" \
		"$(ratio "$bbs_cps" "$sshd_cps") |" \
		"$(ratio "$bbs_p50" "$sshd_p50") |" \
		"$(ratio "$bbs_p99" "$sshd_p99") | | |"
done
echo
echo "### Phases at 1 client"
echo
echo "p50 in ms of each phase alone, and in brackets the p50 time from"
echo "connect() to its end. key exchange: banners and kex; auth: publickey"
echo "(one signed request, no probe); closed: after 'q', until the server"
echo "closed the channel."
echo
echo "| phase | bbs | sshd |"
echo "|---|---:|---:|"
for ph in tcp kex auth channel pty shell screen closed; do
	printf '| %s | %s (%s) | %s (%s) |\n' "$ph" \
		"$(med bbs 1 phase_ms "$ph")" "$(med bbs 1 since_connect_ms "$ph")" \
		"$(med sshd 1 phase_ms "$ph")" "$(med sshd 1 since_connect_ms "$ph")"
done
echo
echo "Client (loadgen) CPU per connection at 1 client: bbs" \
	"$(med bbs 1 machine client_ms_per_conn) ms, sshd" \
	"$(med sshd 1 machine client_ms_per_conn) ms."
echo "Load average (1, 5, 15 min) before: $load0; after: $load1."
echo "Scheduling of servers and client (BENCH_PRIO): $BENCH_PRIO."
