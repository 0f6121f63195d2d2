#!/bin/sh
# scripts/announce, as a sysop would put it in cron: a bot key made for it
# (registered over SSH by a sysop), a file whose first line is the title,
# ssh offering that key only; its exit statuses, and its retries on 75.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

ANNOUNCE=$E2E_DIR/../../scripts/announce
member root --role sysop
admin board create general >/dev/null
admin board create announcements --post-role sysop >/dev/null
start_server
keygen announcer
expect_in "$T/announcer.pub" 0 "the bot key, added by a sysop over SSH" \
	root key add announcer --role bot --board announcements --label cron

announce() {
	BBS_HOST=bbs BBS_PORT=$PORT BBS_KEY=$T/announcer \
		BBS_SSH_OPTS="-F $T/ssh_config" BBS_RETRY_DELAY=0 \
		"$ANNOUNCE" "$@" >"$T/out" 2>"$T/err"
}

printf 'Weekly meeting\nFriday at 19:00, as usual.\nBring a friend.\n' >"$T/notice"
announce announcements "$T/notice"
check "scripts/announce posts (exit $?)" [ $? -eq 0 ]
t=$(cat "$T/out")
check "... and prints the thread id" sh -c "echo '$t' | grep -qxE '[1-9][0-9]*'"
expect 0 "read the announcement" root read "$t" --json
check "... the first line is the title, the rest the body, by the bot" json "$T/out" "j['board'] == 'announcements' and j['title'] == 'Weekly meeting' and j['author'] == 'announcer' and j['posts'][0]['body'] == 'Friday at 19:00, as usual.\nBring a friend.'"

announce general "$T/notice"
check "a board the bot was not granted: 77" [ $? -eq 77 ]
check "... with the board's one-line reason" grep -q "^post: this bot key may not post on general" "$T/err"
announce announcements "$T/nosuch"
check "no such file: 66" [ $? -eq 66 ]
announce nosuch "$T/notice"
check "no such board: 66" [ $? -eq 66 ]
printf 'Only a title\n' >"$T/empty"
announce announcements "$T/empty"
check "a file with only a title: 65" [ $? -eq 65 ]
announce 'two words' "$T/notice"
check "a board name with a space: 64" [ $? -eq 64 ]
announce announcements
check "a missing FILE: 64" [ $? -eq 64 ]
BBS_KEY=$T/nokey "$ANNOUNCE" announcements "$T/notice" 2>/dev/null
check "no key: 66" [ $? -eq 66 ]

# A post just now, then a limit of one a minute: every try is refused.
announce announcements "$T/notice"
check "another announcement (exit $?)" [ $? -eq 0 ]
admin config set rate_posts 1 >/dev/null || fail "config set"
BBS_RETRIES=2 announce announcements "$T/notice"
check "rate limited after the retries: 75" [ $? -eq 75 ]
check "... having said it retries" grep -q "^announce: the board says try again later" "$T/err"
check "... twice asked, twice refused" [ "$(grep -c '^post: ' "$T/err")" -eq 2 ]

stop_server
