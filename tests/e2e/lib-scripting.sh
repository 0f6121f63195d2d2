# bbs: ISC licence, see LICENSE.
# Sourced after lib.sh by the scenarios of the exec command set:
#   expect STATUS DESC NAME ARGS...    `as NAME ARGS...` with no input;
#                                      fails unless it exits STATUS
#   expect_in FILE STATUS DESC NAME ARGS...   the same with FILE as input
#   err_is CMD                         $T/err is one line "CMD: ..."
#   json FILE EXPR                     EXPR (Python, the JSON as j) holds
#   db_count TABLE / db_exec SQL       the database, behind the server
#   HOUR_RE                            a time as --json and plain show it
# Each leaves the command's output in $T/out and $T/err.

expect_in() {
	in=$1 want=$2 desc=$3 name=$4
	shift 4
	as "$name" "$@" <"$in" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq "$want" ] ||
		fail "$desc: exit $rc, not $want: $(head -c 300 "$T/err")"
	echo "ok   $desc"
}

expect() {
	expect_in /dev/null "$@"
}

err_is() {
	[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^$1: ." "$T/err"
}

json() {
	python3 -c '
import json, re, sys
j = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

# Rows in a table, read behind the server's back (it runs in WAL mode).
db_count() {
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM " + sys.argv[2]).fetchone()[0])' \
		"$T/data/bbs.db" "$1"
}

# A write behind the server's back, for states no command makes yet.
db_exec() {
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
db.execute(sys.argv[2])
db.commit()' "$T/data/bbs.db" "$1"
}

# ISO-8601 UTC at the hour, as --json and plain output show times.
HOUR_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:00:00Z$'
