#!/bin/sh
# A key revoked, or a sysop demoted, while their command is still reading
# its input writes nothing afterwards: the store checks the key and the
# role inside the transaction that writes, not only when the command
# starts (the audit found a post and a key add getting through).
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member alice
member root --role sysop
member carol
keygen late
start_server

# A post whose body arrives after its key was revoked: the body is sent
# once the command waits for it and the key is revoked.
( wait_until 10 test -e "$T/revoked"; printf 'Too late\nbody\n' ) |
	as alice post general >"$T/out" 2>"$T/err" &
poster=$!
wait_until 10 command_waiting || fail "the post never waited for its body"
admin key revoke "$(cat "$T/alice.keyid")" >/dev/null || fail "revoke"
: >"$T/revoked"
wait "$poster"
check "the post fails with 77" [ $? -eq 77 ]
check "... saying the key was revoked" grep -qx 'post: this key has been revoked' "$T/err"
check "... and nothing was stored" [ "$(sqlite3 "$T/data/bbs.db" 'SELECT count(*) FROM threads')" = 0 ]

# A key add whose key arrives after its sysop was demoted.
( wait_until 10 test -e "$T/demoted"; cat "$T/late.pub" ) |
	as root key add latecomer >"$T/out" 2>"$T/err" &
adder=$!
wait_until 10 command_waiting || fail "the key add never waited for its key"
admin member role root member >/dev/null || fail "demote"
: >"$T/demoted"
wait "$adder"
check "the key add fails with 77" [ $? -eq 77 ]
check "... and no member was made" [ "$(sqlite3 "$T/data/bbs.db" "SELECT count(*) FROM members WHERE pseudonym = 'latecomer'")" = 0 ]
# An open session whose key is revoked ends at its next poll, saying why.
# The pane's sleep keeps the screen ssh left for the checks (a dead pane
# shows none of it); it waits for nothing, and the trap ends it.
tmux_start c 80 24 "ssh -t -F $T/ssh_config -i $T/carol bbs; echo EXIT=\$? >$T/exit_c; sleep 60"
check "carol's session is up" wait_screen 10 'carol \(member\)'
admin key revoke "$(cat "$T/carol.keyid")" >/dev/null || fail "revoke carol"
check "revoking her key ends it within a few seconds" wait_until 5 test -s "$T/exit_c"
check "... saying why" wait_screen 5 'this key is no longer registered'
stop_server
