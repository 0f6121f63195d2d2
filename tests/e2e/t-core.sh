#!/bin/sh
# No process of the server that holds a secret can leave a core dump or be
# traced by another process of its user (issue 12, item 10): the listener
# (secret.key, the host key), the key lookup (the store) and every session
# process (a connection's keys) run with RLIMIT_CORE 0, soft and hard, and
# PR_SET_DUMPABLE 0. A process that is not dumpable has its /proc files
# (status among them) owned by root, which shows only when the server runs
# as someone else: as root, the test runs it as nobody.
. "$E2E_DIR/lib.sh"

if [ "$(id -u)" -eq 0 ]; then
	# nobody must reach the data directory, and own it (t-data-dir).
	chmod 711 "$T"
	mkdir -m 700 "$T/data"
	chown 65534:65534 "$T/data"
	cat >"$T/bbs" <<SH
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$BBS" "\$@"
SH
	chmod 755 "$T/bbs"
	BBS=$T/bbs
fi
member alice
admin board create general >/dev/null || fail "board create"
start_server

# A command that waits for its input keeps its session process alive,
# until the test is done with it.
( wait_until 20 test -e "$T/done" ) |
	as alice post general --title waiting >/dev/null 2>&1 &
client=$!
wait_until 10 command_waiting || fail "the command never waited for input"

# limits: "Max core file size  SOFT  HARD  bytes"
no_core() {
	[ "$(awk '/^Max core file size/ { print $5, $6 }' "/proc/$1/limits")" = "0 0" ]
}
not_dumpable() {
	[ "$(stat -c %u "/proc/$1/status")" -eq 0 ] &&
		[ "$(stat -c %u "/proc/$1")" -ne 0 ]
}
check "the listener leaves no core" no_core "$SERVER_PID"
check "... and is not dumpable" not_dumpable "$SERVER_PID"
n=0
for p in $(pgrep -P "$SERVER_PID"); do
	# The spawner holds no secret; it is the one with a child now.
	[ -n "$(pgrep -P "$p")" ] && continue
	check "process $p (lookup or session) leaves no core" no_core "$p"
	check "... and is not dumpable" not_dumpable "$p"
	n=$((n + 1))
done
check "the lookup and the session process were both looked at" [ "$n" -ge 2 ]
: >"$T/done"
wait "$client"
stop_server
