# bbs: ISC licence, see LICENSE.
# Sourced by every tests/e2e/t-*.sh scenario (after tmux regress/ and
# OpenSSH regress/test-exec.sh). It gives each scenario:
#   $T          a private temp dir: data dir, keys, ssh config, logs
#   keygen NAME [TYPE]         a client key pair $T/NAME, $T/NAME.pub
#   admin ARGS...              the local bbs command on the test's data dir
#   member NAME [ADMIN ARGS]   keygen + `key add NAME ARGS < NAME.pub`
#   start_server [ARGS]        the real `bbs serve` on 127.0.0.1, free port
#   stop_server                SIGTERM, and check it exited 0 and clean
#   as NAME ARGS...            the real ssh client with NAME's key only
#   guest_from SRC ARGS...     the real ssh as user guest, no key, bound to
#                              the source address SRC (127.0.N.1: a
#                              network of its own for the per-network caps)
#   guest ARGS...              guest_from 127.0.0.1
#   wait_until SECS CMD...     polls CMD every 0.1 s, at most SECS seconds
#   command_waiting            a command the server runs waits for its input
#   tmux_start NAME W H CMD    a private tmux server with one fixed window
#   screen                     the window's text (capture-pane -p)
#   wait_screen SECS PATTERN   polls the screen for an extended regex
#   keys ARGS...               tmux send-keys
#   resize W H                 resizes the window
#   use_session NAME           the session screen, keys... act on (default:
#                              the last one started)
#   screen_has PATTERN         the screen matches an extended regex now
#   line_has N PATTERN         line N of the screen (1: the top) matches
#   pane_dead                  the client in the session has exited
#   ui NAME W H KEY [VAR=VAL...]  the board in tmux session NAME: the
#                              real ssh -t with KEY, environment VAR=VAL
#   db SQL                     sqlite3 on the test's database
#   db_dump                    the whole database as SQL, to tell that
#                              nothing was written
#   probe ARGS...              tests/e2e/probe.py (paramiko) on the port
#   fail MSG / check DESC CMD  report; the trap cleans up and keeps the
#                              logs only when something failed
# Every loop is bounded; every network target is loopback.

set -u
BBS=${BBS:?set BBS to the bbs binary}
T=$(mktemp -d "${TMPDIR:-/tmp}/bbs-e2e.XXXXXX")
SERVER_PID=
PORT=
TMUX_SOCK=bbs-e2e-$$
E2E_FAILED=0
# The session the tmux helpers act on: the last one started, or another
# named with use_session NAME.
TMUX_TARGET=
export LC_ALL=C.UTF-8
# Debian's python3 (with python3-paramiko), whatever else is first in PATH.
PY=/usr/bin/python3

fail() {
	echo "FAIL: $*" >&2
	E2E_FAILED=1
	exit 1
}

# check DESCRIPTION COMMAND...: runs the command, fails the test if it fails.
check() {
	desc=$1
	shift
	if "$@"; then
		echo "ok   $desc"
	else
		fail "$desc"
	fi
}

e2e_cleanup() {
	status=$?
	[ "$E2E_FAILED" -eq 0 ] || status=1
	if [ "$status" -ne 0 ] && [ -n "$TMUX_TARGET" ]; then
		echo "--- screen of $TMUX_TARGET ---" >&2
		screen >&2 2>/dev/null
	fi
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	if [ -n "$SERVER_PID" ]; then
		kill -KILL "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
	fi
	if [ "$status" -ne 0 ]; then
		echo "--- server log ($T/server.log) ---" >&2
		tail -n 50 "$T/server.log" >&2 2>/dev/null
		echo "--- logs kept in $T ---" >&2
	else
		rm -rf "$T"
	fi
	exit "$status"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM

keygen() {
	ssh-keygen -q -t "${2:-ed25519}" -N '' -C "$1" -f "$T/$1" ||
		fail "ssh-keygen $1"
}

admin() {
	"$BBS" "$@" --data "$T/data"
}

member() {
	name=$1
	shift
	[ -f "$T/$name" ] || keygen "$name"
	admin key add "$name" "$@" <"$T/$name.pub" >"$T/$name.keyid" ||
		fail "key add $name"
}

not() {
	! "$@"
}

wait_until() {
	secs=$1
	shift
	i=0
	while [ "$i" -lt $((secs * 10)) ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.1 # the poll interval, not a wait for something
		i=$((i + 1))
	done
	return 1
}

start_server() {
	# Emptied here, not by the background job's redirection: a second
	# server in one test must not be taken for up by the first's log.
	: >"$T/server.log"
	"$BBS" serve --listen 127.0.0.1:0 --data "$T/data" "$@" \
		>>"$T/server.log" 2>&1 &
	SERVER_PID=$!
	wait_until 20 grep -q 'listening on' "$T/server.log" ||
		fail "bbs serve did not start"
	PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' \
		"$T/server.log")
	cat >"$T/ssh_config" <<CFG
Host bbs
	HostName 127.0.0.1
	Port $PORT
	User member
	IdentitiesOnly yes
	IdentityAgent none
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	BatchMode yes
	UserKnownHostsFile $T/known_hosts
	StrictHostKeyChecking accept-new
	LogLevel ERROR
	ConnectTimeout 10
CFG
}

# Stops the server as an operator would and checks it behaved: exit
# status 0 within 5 seconds, no process of it left, and no sanitizer
# report in its log.
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID"
	wait_until 6 sh -c "! kill -0 $SERVER_PID" ||
		fail "bbs serve did not stop within 5 seconds"
	wait "$SERVER_PID"
	rc=$?
	SERVER_PID=
	[ "$rc" -eq 0 ] || fail "bbs serve exited $rc"
	# Its spawner, sessions and children go with it, none left behind.
	wait_until 5 not pgrep -f -- "--data $T/data" ||
		fail "bbs processes outlived bbs serve: $(pgrep -f -- "--data $T/data")"
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' \
		"$T/server.log"; then
		fail "a sanitizer reported in the server log"
	fi
}

as() {
	name=$1
	shift
	ssh -F "$T/ssh_config" -i "$T/$name" bbs "$@"
}

# All of 127.0.0.0/8 is loopback on Linux, and the server counts guests
# and join attempts per /24, so each 127.0.N.1 is a network of its own.
guest_from() {
	src=$1
	shift
	ssh -F "$T/ssh_config" -b "$src" -l guest \
		-o PreferredAuthentications=none bbs "$@"
}

guest() {
	guest_from 127.0.0.1 "$@"
}

# A command child of the server (forked by the spawner, so a grandchild
# of bbs serve; its stdin is a pipe, a UI's is a pty) sleeps in poll():
# it has loaded its login and waits for standard input, the one thing a
# command polls for (bbs/cmd/input.c). Reads Linux /proc.
command_waiting() {
	for p in $(pgrep -P "$SERVER_PID"); do
		for c in $(pgrep -P "$p"); do
			case $(readlink "/proc/$c/fd/0" 2>/dev/null) in
			pipe:*) ;;
			*) continue ;;
			esac
			grep -q poll "/proc/$c/wchan" 2>/dev/null && return 0
		done
	done
	return 1
}


tmux_start() {
	name=$1 w=$2 h=$3
	shift 3
	# A session that outlives the others keeps the server up when a test
	# kills the one it is done with (its sleep is only something to run;
	# the trap kills the tmux server).
	if ! tmux -L "$TMUX_SOCK" has-session -t keeper 2>/dev/null; then
		tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s keeper \
			'sleep 3600' || fail "tmux keeper session"
		tmux -L "$TMUX_SOCK" set-option -g remain-on-exit on >/dev/null
	fi
	tmux -L "$TMUX_SOCK" new-session -d -s "$name" -x "$w" -y "$h" "$*" ||
		fail "tmux new-session"
	TMUX_TARGET=$name
}

use_session() {
	TMUX_TARGET=$1
}

# The helpers name their session as "=NAME:" (exactly that session, its
# window): a bare NAME is looked up first as a window name prefix in the
# newest session, so "s" would find another session's "ssh" window.

screen() {
	tmux -L "$TMUX_SOCK" capture-pane -p -t "=$TMUX_TARGET:"
}

wait_screen() {
	wait_until "$1" sh -c 'tmux -L "$1" capture-pane -p -t "$2" |
		grep -qE -- "$3"' sh "$TMUX_SOCK" "=$TMUX_TARGET:" "$2"
}

keys() {
	tmux -L "$TMUX_SOCK" send-keys -t "=$TMUX_TARGET:" "$@"
}

resize() {
	tmux -L "$TMUX_SOCK" resize-window -t "=$TMUX_TARGET:" -x "$1" -y "$2"
}

screen_has() {
	screen | grep -qE -- "$1"
}

line_has() {
	screen | sed -n "${1}p" | grep -qE -- "$2"
}

pane_dead() {
	tmux -L "$TMUX_SOCK" list-panes -t "=$TMUX_TARGET:" -F '#{pane_dead}' |
		grep -q 1
}

ui() {
	name=$1 w=$2 h=$3 key=$4
	shift 4
	tmux_start "$name" "$w" "$h" \
		env "$@" ssh -t -F "$T/ssh_config" -i "$T/$key" bbs
}

db() {
	sqlite3 -bail "$T/data/bbs.db" "$@"
}

db_dump() {
	db .dump
}

probe() {
	"$PY" "$E2E_DIR/probe.py" "$PORT" "$@"
}
