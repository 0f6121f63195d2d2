#!/bin/sh
# Bot keys run commands only: a shell gets one line and exit status 77,
# with or without a pty; commands work.
. "$E2E_DIR/lib.sh"

admin board create announcements --post-role sysop >/dev/null
member newsbot --role bot --board announcements
start_server

check "a bot runs whoami" [ "$(as newsbot whoami)" = "newsbot bot" ]
as newsbot </dev/null >"$T/out" 2>&1
check "a bot asking for a shell gets 77" [ $? -eq 77 ]
check "... and one line saying it may only run commands" \
	[ "$(grep -c 'may only run commands' "$T/out")" -eq 1 ]
ssh -F "$T/ssh_config" -i "$T/newsbot" -tt bbs </dev/null >"$T/out" 2>&1
check "with a pty too" [ $? -eq 77 ]
check "help lists what a bot may run" sh -c "ssh -F '$T/ssh_config' -i '$T/newsbot' bbs help | grep -q 'Commands for newsbot (bot)'"
stop_server
