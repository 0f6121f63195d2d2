#!/bin/sh
# bbs backup while the server is busy gives a copy that passes SQLite's
# integrity_check and holds what was committed before it; it never
# overwrites a file; bbs check agrees.
. "$E2E_DIR/lib.sh"

member alice
start_server

# Writers and readers while the backups run: members logging in over SSH
# and the console creating boards, in separate processes.
(
	i=0
	while [ "$i" -lt 60 ] && [ ! -f "$T/stop" ]; do
		admin board create "b$i" --title "board $i" >/dev/null 2>&1
		i=$((i + 1))
	done
) &
writer=$!
(
	i=0
	while [ "$i" -lt 30 ] && [ ! -f "$T/stop" ]; do
		as alice whoami >/dev/null 2>&1
		i=$((i + 1))
	done
) &
reader=$!

wait_until 20 sh -c "[ \$('$BBS' board list --data '$T/data' | wc -l) -ge 5 ]" ||
	fail "the writer did not start"
for n in 1 2 3; do
	admin backup "$T/backup$n.db" || fail "backup $n"
done
touch "$T/stop"
wait "$writer" "$reader"

for n in 1 2 3; do
	check "backup $n passes integrity_check" \
		[ "$(sqlite3 "$T/backup$n.db" 'PRAGMA integrity_check')" = ok ]
	check "backup $n is 0600" [ "$(stat -c %a "$T/backup$n.db")" = 600 ]
done
b1=$(sqlite3 "$T/backup1.db" 'SELECT count(*) FROM boards')
b3=$(sqlite3 "$T/backup3.db" 'SELECT count(*) FROM boards')
check "backups hold what was committed before them" [ "$b1" -ge 5 -a "$b3" -ge "$b1" ]
check "a backup's members can still log in (keys copied)" \
	[ "$(sqlite3 "$T/backup1.db" 'SELECT pseudonym FROM members')" = alice ]
admin backup "$T/backup1.db" 2>"$T/err"
check "backup refuses to overwrite a file" [ $? -ne 0 ]
check "... saying why" grep -q 'cannot create' "$T/err"
check "bbs check passes on the live database" [ "$(admin check)" = ok ]
stop_server
