#!/bin/sh
# Bodies from standard input over SSH: exactly 64 KiB accepted and one byte
# more refused (after normalisation, so a trailing newline or CRLF does not
# count), endless input refused without reading it all, CRLF normalised,
# invalid UTF-8 refused with nothing stored, and escape sequences, C1
# controls and BEL never coming back out of read, --json or search.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

member alice
admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null || fail "config set"
start_server

# body FILE N [SUFFIX]: N bytes of "a" then SUFFIX (printf escapes).
body() {
	python3 -c 'import sys; sys.stdout.buffer.write(b"a" * int(sys.argv[1]))' "$2" >"$1"
	printf "${3:-}" >>"$1"
}

stored_len() { # THREAD: the first post's body length, in bytes
	as alice read "$1" --json </dev/null >"$T/json" || fail "read $1"
	python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["posts"][0]["body"].encode()))' "$T/json"
}

# --- the 64 KiB limit --------------------------------------------------------
body "$T/in" 65536
expect_in "$T/in" 0 "a body of exactly 64 KiB" alice post general --title max
check "... stored whole" [ "$(stored_len "$(cat "$T/out")")" -eq 65536 ]
threads=$(db_count threads)
body "$T/in" 65537
expect_in "$T/in" 65 "a body of 64 KiB and one byte" alice post general --title over
check "... refused as too large" grep -q "^post: the body is too large" "$T/err"
check "... nothing stored" [ "$(db_count threads)" -eq "$threads" ]
body "$T/in" 65536 '\n\n'
expect_in "$T/in" 0 "64 KiB and trailing newlines (dropped before the limit)" alice post general --title nl
check "... stored as 64 KiB" [ "$(stored_len "$(cat "$T/out")")" -eq 65536 ]
printf 'Title line\r\n' >"$T/in"
body "$T/more" 65536
cat "$T/more" >>"$T/in"
expect_in "$T/in" 0 "a title line and a 64 KiB body" alice post general
check "... the body is 64 KiB" [ "$(stored_len "$(cat "$T/out")")" -eq 65536 ]
t=$(cat "$T/out")
body "$T/in" 65537
expect_in "$T/in" 65 "a reply of 64 KiB and one byte" alice reply "$t"
check "... refused as too large" grep -q "^reply: the body is too large" "$T/err"
python3 -c 'import sys; sys.stdout.buffer.write(b"ab\r\n" * 21846)' >"$T/in"
expect_in "$T/in" 65 "a CRLF body over 64 KiB once normalised" alice reply "$t"

# A client that never stops sending is refused after a bounded read.
posts=$(db_count posts)
yes 'endless input' | timeout 120 ssh -F "$T/ssh_config" -i "$T/alice" bbs \
	reply "$t" >"$T/out" 2>"$T/err"
rc=$?
check "endless input is refused (65), not read for ever (124): $rc $(cat "$T/err")" [ "$rc" -eq 65 ]
check "... as too large" grep -q "^reply: the body is too large" "$T/err"
check "... nothing stored" [ "$(db_count posts)" -eq "$posts" ]

# --- normalisation -----------------------------------------------------------
printf 'CRLF title\r\nline one\r\nline two\r\n\r\n' >"$T/in"
expect_in "$T/in" 0 "a CRLF post" alice post general
c=$(cat "$T/out")
expect 0 "read --json" alice read "$c" --json
check "CRLF became LF, trailing newlines dropped" json "$T/out" "j['title'] == 'CRLF title' and j['posts'][0]['body'] == 'line one\nline two'"

# --- UTF-8 ---------------------------------------------------------------------
posts=$(db_count posts)
printf 'caf\303\251 ok, then \303\050 broken\n' >"$T/in"
expect_in "$T/in" 65 "invalid UTF-8 in a reply" alice reply "$t"
printf 'Bad \377 title\nbody\n' >"$T/in"
expect_in "$T/in" 65 "invalid UTF-8 in a title line" alice post general
printf 'body\n' >"$T/in"
expect_in "$T/in" 65 "invalid UTF-8 in --title" alice "$(printf 'post general --title bad\377')"
printf 'overlong \300\257 slash\n' >"$T/in"
expect_in "$T/in" 65 "an overlong encoding" alice reply "$t"
printf 'surrogate \355\240\200\n' >"$T/in"
expect_in "$T/in" 65 "an encoded surrogate" alice reply "$t"
check "nothing was stored" [ "$(db_count posts)" -eq "$posts" ]
printf 'Unicode \342\234\223\nwide \344\275\240\345\245\275 and emoji \360\237\230\200\n' >"$T/in"
expect_in "$T/in" 0 "valid UTF-8 of every length" alice post general
u=$(cat "$T/out")
expect 0 "read it" alice read "$u" --json
check "... comes back unchanged" json "$T/out" "j['title'] == 'Unicode \u2713' and j['posts'][0]['body'] == 'wide \u4f60\u597d and emoji \U0001F600'"

# --- escape sequences ----------------------------------------------------------
printf 'Evil \033[2J title\a\nred \033[31mtext\033[0m, osc \033]8;;http://x\033\\link\033]8;;\033\\,\n' >"$T/in"
printf 'bell\a c1 \302\233 2J and \302\235 csi, del \177, nul-free\r\n\tend\n' >>"$T/in"
expect_in "$T/in" 0 "a post full of escape sequences" alice post general
e=$(cat "$T/out")
# no_controls FILE: no ESC, no BEL, no other C0 but tab and newline, no
# DEL, and no C1 (U+0080-U+009F, as UTF-8 C2 80-9F).
no_controls() {
	python3 -c '
import re, sys
b = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", b)
sys.exit(1 if bad else 0)' "$1"
}
expect 0 "read" alice read "$e"
check "read prints no ESC, no C1, no BEL" no_controls "$T/out"
check "... and the text around them" grep -q "^    red \[31mtext\[0m, osc " "$T/out"
check "... and tabs" grep -q "^    	end$" "$T/out"
expect 0 "read --json" alice read "$e" --json
check "read --json carries no ESC, no C1, no BEL" no_controls "$T/out"
check "... not even escaped as \\u001b" sh -c "! grep -qi 'u001b\|u0007\|u009b' '$T/out'"
expect 0 "threads" alice threads general
check "threads prints no control in titles" no_controls "$T/out"
expect 0 "search" alice search red
check "search prints no control in titles or snippets" no_controls "$T/out"
check "... and finds the post" grep -q "	$e	" "$T/out"

stop_server
