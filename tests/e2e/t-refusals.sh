#!/bin/sh
# What the server refuses (SPEC section 3): every authentication method
# but publickey, port forwarding both ways, sftp and other subsystems, a
# second session channel, and env variables other than TERM, LANG, LC_*
# and NO_COLOR (t-requests has each request with want-reply).
. "$E2E_DIR/lib.sh"

member alice
start_server

ssh -v -F "$T/ssh_config" -o PreferredAuthentications=password,keyboard-interactive \
	-o PasswordAuthentication=yes -o KbdInteractiveAuthentication=yes \
	-o PubkeyAuthentication=no bbs whoami 2>&1 | tr -d '\r' >"$T/out"
check "OpenSSH: password and keyboard-interactive are not offered" \
	grep -q 'Authentications that can continue: publickey$' "$T/out"
check "OpenSSH: ... so the login fails" grep -q 'Permission denied (publickey)' "$T/out"
check "paramiko: a password attempt is refused" [ "$(probe password)" = "refused publickey" ]
check "paramiko: keyboard-interactive is refused" [ "$(probe kbdint)" = "refused publickey" ]
check "paramiko: 'none' is refused" [ "$(probe methods)" = "refused publickey" ]
# paramiko may see the hang-up before the tenth refusal it came with.
n=$(probe password-flood | sed -n 's/^answered //p')
check "ten refused passwords and the server hangs up (no guessing for the whole grace)" \
	[ "${n:-0}" -ge 9 -a "${n:-0}" -le 10 ]

# -L: the forwarded connection must be refused, so nothing of the server's
# own SSH banner comes back through it.
lport=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ssh -F "$T/ssh_config" -i "$T/alice" -v -N -L "$lport:127.0.0.1:$PORT" bbs \
	2>"$T/forward.log" &
fwd=$!
wait_until 10 grep -q 'Local forwarding listening' "$T/forward.log" ||
	fail "ssh -L did not start"
banner=$($PY - "$lport" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.settimeout(10)
try:
    print(s.recv(100).decode(errors="replace").strip() or "closed")
except OSError:
    print("closed")
PY
)
kill "$fwd" 2>/dev/null
wait "$fwd" 2>/dev/null
check "-L: the forwarded connection is closed, not connected" [ "$banner" = "closed" ]
check "-L: ... because the server refused the channel" grep -q 'open failed: administratively prohibited' "$T/forward.log"

ssh -F "$T/ssh_config" -i "$T/alice" -o ExitOnForwardFailure=yes \
	-R 0:127.0.0.1:22 bbs whoami >"$T/out" 2>&1
check "-R: remote forwarding is refused (ExitOnForwardFailure)" [ $? -eq 255 ]
check "... with ssh's own message" grep -q 'remote port forwarding failed' "$T/out"

sftp -F "$T/ssh_config" -i "$T/alice" -b /dev/null bbs >"$T/out" 2>&1
check "sftp is refused" [ $? -ne 0 ]
ssh -F "$T/ssh_config" -i "$T/alice" -s bbs sftp </dev/null >"$T/out" 2>&1
check "a subsystem request is refused" [ $? -eq 255 ]
check "... as a failed subsystem request" grep -q 'subsystem request failed' "$T/out"

check "a second session channel is refused" \
	sh -c "$PY '$E2E_DIR/probe.py' $PORT '$T/alice' second-channel | grep -q 'refused.*prohibited'"
check "a direct-tcpip channel is refused" \
	sh -c "$PY '$E2E_DIR/probe.py' $PORT '$T/alice' direct-tcpip | grep -q 'refused.*prohibited'"
ssh -vv -F "$T/ssh_config" -i "$T/alice" -o Compression=yes bbs whoami 2>&1 |
	tr -d '\r' | grep 'compression stoc:' >"$T/comp"
check "no compression is offered, even to a client that wants it" \
	[ "$(sed -n 2p "$T/comp")" = "debug2: compression stoc: none" ]
check "env requests do not break a command" \
	[ "$(probe "$T/alice" env)" = "status 0 alice member" ]
stop_server
