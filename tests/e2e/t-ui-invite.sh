#!/bin/sh
# Inviting from the board (SPEC section 10), in tmux with the real ssh:
# I on the boards opens "invite someone", which makes an invitation and
# shows its code once, its expiry and the join line for the board's
# address; the code on screen works for the real ssh -l guest ... join,
# and the newcomer logs in with the new key; the inviter's open screen
# sees it used; x withdraws an invitation after a y, and its code then
# gives 66; beyond the open invitations a member may hold the store's
# refusal shows; a sysop invites too, their bar as it was.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member alice
member s1 --role sysop
keygen carol
keygen dave
start_server

# The code on the screen: inv- and five groups of five.
screen_code() {
	screen | grep -oE 'inv-[a-z2-7]{5}(-[a-z2-7]{5}){4}' | head -n 1
}

# The screen's shell lines joined where they end in " \".
joined() {
	screen | awk '{
		line = $0
		if (buf != "") sub(/^ +/, "", line)
		if (sub(/ \\$/, " ", line)) { buf = buf line; next }
		print buf line
		buf = ""
	}'
}

# The join line on the screen.
join_line() {
	joined | grep -E '^ *ssh .*guest@.* join ' | head -n 1 | sed -e 's/^ *//'
}

# run_join LINE NAME KEY.pub: a join line as a newcomer runs it, with
# NAME and the key file filled in, and options for this test's known
# hosts (the line names 127.0.0.1, not the ssh_config's host bbs).
run_join() {
	[ -n "$1" ] || return 1
	line=$(printf '%s\n' "$1" | sed -e "s| NAME | $2 |" \
		-e "s|~/.ssh/bbs_ed25519.pub|$3|" \
		-e "s|^ssh |ssh -F $T/ssh_config -o UserKnownHostsFile=$T/known_hosts -o StrictHostKeyChecking=accept-new -o BatchMode=yes -o LogLevel=ERROR -o PreferredAuthentications=none |")
	sh -c "$line"
}

# --- a member invites; the code on screen works -------------------------
ui a 80 24 alice
check "alice's boards" wait_screen 20 '^ general'
check "the member's bar offers I invite" wait_until 10 line_has 24 'o log  I invite'
keys I
check "I makes an invitation" wait_screen 10 'New invitation #1, for one join until 20[0-9-]+ [0-9:]+ UTC:'
check "... says it is shown once" screen_has 'It will not be shown again: write it down now\.'
check "... shows the code" [ -n "$(screen_code)" ]
code=$(screen_code)
check "... the code is not in the database" not sh -c 'sqlite3 "$1" .dump | grep -q "$2"' sh "$T/data/bbs.db" "$code"
join_shown() {
	joined | grep -qF "  ssh -p $PORT guest@127.0.0.1 join $1 NAME < ~/.ssh/bbs_ed25519.pub"
}
check "... the join line, broken for 80 columns with a backslash" join_shown "$code"
check "... how to make the key" screen_has 'ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519'
check "... the open invitation in the list" wait_screen 5 '#1 +created .* expires '
check "the bar: x withdraw, i new" line_has 24 'x withdraw  i new'
check "invites over exec lists it" [ "$(as alice invites | cut -f1)" = 1 ]

out=$(run_join "$(join_line)" carol "$T/carol.pub")
check "the screen's join line works with the real ssh (member carol)" [ "$out" = "member carol" ]
check "carol logs in with the new key" [ "$(as carol whoami)" = "carol member" ]
check "alice's open screen sees the invitation used" \
	wait_screen 5 'used or withdrawn: this code no longer works'
check "... and gone from her list" wait_screen 5 'You hold no open invitations'

# --- withdrawing ----------------------------------------------------------
# new_code: i, then waits for a code other than the one on screen.
new_code() {
	was=$(screen_code)
	keys i
	wait_until 10 sh -c '[ "$(tmux -L "$1" capture-pane -p -t "$2" |
		grep -oE "inv-[a-z2-7]{5}(-[a-z2-7]{5}){4}" | head -n 1)" != "$3" ]' \
		sh "$TMUX_SOCK" "=$TMUX_TARGET:" "$was"
}
check "i makes another" new_code
code2=$(screen_code)
id2=$(as alice invites | cut -f1)
check "... with another code, open" [ -n "$code2" -a "$code2" != "$code" -a -n "$id2" ]
check "... its join line" join_shown "$code2"
line2=$(join_line)
keys x
check "x asks first" wait_screen 10 "Withdraw invitation #$id2\\? y withdraws it"
keys n
check "... any other key keeps it" wait_screen 10 "Invitation #$id2 kept"
check "... still open" [ "$(as alice invites | cut -f1)" = "$id2" ]
keys x y
check "x y withdraws it" wait_screen 10 "Invitation #$id2 withdrawn: its code no longer works"
check "... the screen says so" wait_screen 5 'used or withdrawn'
check "... and invites lists nothing" [ -z "$(as alice invites)" ]
out=$(run_join "$line2" dave "$T/dave.pub" 2>&1)
check "the withdrawn code gives 66 with the real ssh" [ $? -eq 66 ]
check "... no such invitation" [ "$out" = "join: no such invitation" ]
check "... and dave is nobody" [ "$(db "SELECT count(*) FROM members WHERE pseudonym = 'dave'")" = 0 ]

# --- the cap -----------------------------------------------------------------
check "a first open one" new_code
check "a second" new_code
check "a third" new_code
check "... three open" [ "$(as alice invites | wc -l)" -eq 3 ]
keys i
check "a fourth open one is refused, the store's words on screen" \
	wait_screen 10 'No new invitation: '
check "... and three stay open" [ "$(as alice invites | wc -l)" -eq 3 ]
check "... listed on screen" [ "$(screen | grep -cE '^  #[0-9]+ +created')" -eq 3 ]
keys '?'
check "'?' lists the invite keys" wait_screen 10 'withdraw the chosen open invitation'
keys x
keys q
check "q goes back to the boards" wait_screen 10 '^ general'
keys '?'
check "the boards' '?' lists I" wait_screen 10 'invite someone: a new invitation code'
keys x q

# --- a sysop -----------------------------------------------------------------
ui s 80 24 s1
check "s1's boards" wait_screen 20 '^ general'
check "the sysop's bar keeps its sysop keys" wait_until 10 line_has 24 'F flags +K keys +c create +e edit'
keys I
check "a sysop invites too" wait_screen 10 'New invitation #1'
keys q q
stop_server
check "the log names no code" not grep -q 'inv-' "$T/server.log"
