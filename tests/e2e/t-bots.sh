#!/bin/sh
# Bot keys over SSH: a sysop registers one from a terminal ('key add
# --role bot --board'); it runs commands only, posts and replies only on
# its boards (a board only sysops may post on included: the sysops granted
# it), reads everywhere, and gets 77 for everything else.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

member root --role sysop
member alice
admin board create general >/dev/null
admin board create announcements --post-role sysop >/dev/null
start_server
keygen newsbot

expect_in "$T/newsbot.pub" 0 "a sysop adds a bot key over SSH" \
	root key add newsbot --role bot --board announcements --label cron
check "... and gets its key id" grep -qxE '[A-Za-z0-9_-]{8}' "$T/out"
check "the key is listed as a bot's, with its board" sh -c "'$BBS' key list --data '$T/data' | grep -q \"^$(cat "$T/out")	newsbot	bot	active	cron	announcements\$\""

expect 0 "whoami" newsbot whoami
check "... newsbot bot" [ "$(cat "$T/out")" = "newsbot bot" ]
expect 0 "help" newsbot help
for c in help whoami boards threads read post reply search; do
	check "a bot's help lists $c" grep -q "^  $c " "$T/out"
done
check "... and not forget-reads" sh -c "! grep -q forget-reads '$T/out'"
check "... nor key add" sh -c "! grep -q 'key add' '$T/out'"

printf 'Weekly notice\nThe meeting is on Friday.\n' >"$T/in"
expect_in "$T/in" 0 "a bot posts on its board, though only sysops may" newsbot post announcements
a=$(cat "$T/out")
printf 'Update: Saturday.\n' >"$T/in"
expect_in "$T/in" 0 "a bot replies on its board" newsbot reply "$a"
printf 'A member thread\nhello\n' >"$T/in"
expect_in "$T/in" 0 "(a member's thread on general)" alice post general
g=$(cat "$T/out")
posts=$(db_count posts)
printf 'Spam\nbuy now\n' >"$T/in"
expect_in "$T/in" 77 "a bot posting on another board" newsbot post general
check "... one line naming the board and its own" [ "$(cat "$T/err")" = "post: this bot key may not post on general (only on announcements)" ]
expect_in "$T/in" 77 "a bot replying on another board" newsbot reply "$g"
check "... one line" err_is reply
check "... nothing stored" [ "$(db_count posts)" -eq "$posts" ]

expect 0 "a bot lists boards" newsbot boards
expect 0 "a bot lists threads anywhere" newsbot threads general
check "... and sees them" grep -q "^$g	" "$T/out"
expect 0 "a bot reads anywhere" newsbot read "$g" --json
check "... the thread" json "$T/out" "j['title'] == 'A member thread'"
expect 0 "a bot searches" newsbot search Friday --json
check "... and finds its post" json "$T/out" "len(j) == 1 and j[0]['thread'] == $a and j[0]['author'] == 'newsbot'"

expect 77 "a bot may not forget-reads" newsbot forget-reads
check "... one line" [ "$(cat "$T/err")" = "forget-reads: bot keys may not run this command" ]
expect_in "$T/alice.pub" 77 "a bot may not add keys" newsbot key add someone
check "... one line" err_is "key add"
expect 77 "a bot may not open a shell" newsbot
check "... told it may only run commands" grep -q "may only run commands" "$T/out" "$T/err"

# A second bot key granted nothing posts nowhere.
keygen idlebot
expect_in "$T/idlebot.pub" 0 "a bot key with no boards" root key add idlebot --role bot
printf 'x\ny\n' >"$T/in"
expect_in "$T/in" 77 "... posts nowhere" idlebot post announcements
check "... and says so" [ "$(cat "$T/err")" = "post: this bot key may not post on announcements (it may post nowhere)" ]

stop_server
