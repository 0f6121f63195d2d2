#!/bin/sh
# The UI process draws on the member's terminal, but its own diagnostics
# (a store error, a sanitizer's report) go to the server's log: before
# this was fixed, the UI's stderr was the member's pty, so they landed on
# the member's screen and escaped the log checks of every other test.
. "$E2E_DIR/lib.sh"

member alice
admin board create general >/dev/null
start_server

ui a 80 24 alice
check "the board opens" wait_screen 20 '^ general'

# The UI: the process whose stdin is a pty and whose stderr is the log.
ui_logs_to_server() {
	for fd0 in /proc/[0-9]*/fd/0; do
		pid=${fd0#/proc/}
		pid=${pid%%/*}
		case $(readlink "$fd0" 2>/dev/null) in
		/dev/pts/*) ;;
		*) continue ;;
		esac
		[ "$(readlink "/proc/$pid/fd/2" 2>/dev/null)" = "$T/server.log" ] &&
			return 0
	done
	return 1
}
check "the UI's stderr is the server log, not the terminal" ui_logs_to_server
keys q
check "the session ends" wait_until 10 pane_dead
stop_server
