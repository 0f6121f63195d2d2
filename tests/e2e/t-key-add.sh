#!/bin/sh
# 'key add' over SSH: a sysop registers members' keys from their own
# terminal (ssh bbs key add alice < alice.pub); the new key logs in at
# once. The SSH rules of bbs/cmd/cmd-key.c: no new sysops, no keys for another
# sysop, a key added to someone else's name is on the moderation log, and
# members may not run it at all.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

member root --role sysop
member root2 --role sysop
member bob
admin board create general >/dev/null
start_server
keygen alice
keygen bob2
keygen eve

expect_in "$T/alice.pub" 0 "ssh bbs key add alice < alice.pub" root key add alice
id=$(cat "$T/out")
check "... prints the key id" sh -c "echo '$id' | grep -qxE '[A-Za-z0-9_-]{8}'"
expect 0 "the new key logs in at once" alice whoami
check "... as a member" [ "$(cat "$T/out")" = "alice member" ]
expect 0 "whoami --json names the key" alice whoami --json
check "... by the id key add printed" json "$T/out" "j['key_id'] == '$id'"

log=$(db_count modlog)
expect_in "$T/bob2.pub" 0 "a sysop adds a second key to a member" \
	root key add bob --label phone
check "... which is on the moderation log" [ "$(db_count modlog)" -eq $((log + 1)) ]
check "... as key-add by root" [ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT actor, act FROM modlog ORDER BY id DESC LIMIT 1").fetchone())' "$T/data/bbs.db")" = "('root', 'key-add')" ]
expect 0 "the second key logs in as bob" bob2 whoami
check "... bob member" [ "$(cat "$T/out")" = "bob member" ]

expect_in "$T/eve.pub" 77 "a sysop may not make a sysop over SSH" \
	root key add eve --role sysop
check "... one line" [ "$(cat "$T/err")" = "key add: new sysops are made with 'role' by two sysops, not with 'key add'" ]
expect_in "$T/eve.pub" 77 "nor add a key to another sysop" root key add root2
check "... one line" err_is "key add"
expect_in "$T/eve.pub" 77 "a member may not add keys" bob key add eve
check "... one line" [ "$(cat "$T/err")" = "key add: only sysops may run this command" ]
expect 65 "no key on standard input" root key add eve
check "... one line" [ "$(cat "$T/err")" = "key add: no key line on standard input" ]
printf 'ssh-ed25519 not-base64 eve\n' >"$T/in"
expect_in "$T/in" 65 "a line that is no key" root key add eve
check "... one line" err_is "key add"
expect_in "$T/alice.pub" 65 "a key already registered" root key add eve
check "... one line" [ "$(cat "$T/err")" = "key add: this key is already registered" ]
expect_in "$T/eve.pub" 66 "a bot key for no such board" \
	root key add evebot --role bot --board nosuch
check "... one line" [ "$(cat "$T/err")" = "key add: no board 'nosuch'" ]
expect_in "$T/eve.pub" 64 "an unknown role" root key add eve --role king
check "... one line" err_is "key add"
expect_in "$T/eve.pub" 65 "a bad pseudonym" root key add 'e!'
check "... one line" err_is "key add"
as eve whoami </dev/null >/dev/null 2>&1
check "eve's key still does not log in" [ $? -eq 255 ]

stop_server
