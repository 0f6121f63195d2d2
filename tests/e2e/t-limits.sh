#!/bin/sh
# Pre-authentication limits (SPEC section 3): a client that connects and
# says nothing is dropped after the login grace time (20 s by default),
# and at most 32 unauthenticated connections from one /24 are pending at
# once: the next is closed at once, while another network still gets in.
. "$E2E_DIR/lib.sh"

member alice
start_server

"$PY" - "$PORT" >"$T/out" <<'PY'
import socket, sys, time
port = int(sys.argv[1])

def connect(src):
    s = socket.socket()
    s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    s.settimeout(5)
    return s

def banner(s):
    try:
        return s.recv(64).startswith(b"SSH-2.0-bbs")
    except OSError:
        return False

# 32 silent clients from 127.0.0.0/24: each gets the banner.
held = [connect("127.0.0.1") for _ in range(32)]
print("first32", all(banner(s) for s in held))
# The 33rd from the same /24 is closed without a banner.
extra = connect("127.0.0.2")
try:
    data = extra.recv(64)
except OSError:
    data = b""
print("33rd", "closed" if data == b"" else "open")
# Another /24 is not affected.
other = connect("127.0.1.1")
print("other", banner(other))
other.close()
# The silent clients are dropped at the grace time, not before.
t0 = time.time()
held[0].settimeout(40)
try:
    while held[0].recv(4096):
        pass
except OSError:
    pass
print("dropped after %d s" % round(time.time() - t0))
PY
cat "$T/out" >&2
check "32 silent clients from one /24 are let in" grep -q 'first32 True' "$T/out"
check "the 33rd from that /24 is closed at once" grep -q '33rd closed' "$T/out"
check "a client from another /24 still gets in" grep -q 'other True' "$T/out"
secs=$(sed -n 's/dropped after \([0-9]*\) s/\1/p' "$T/out")
check "a silent client is dropped after about 20 s" [ "${secs:-0}" -ge 18 -a "${secs:-0}" -le 23 ]
check "members still log in afterwards" [ "$(as alice whoami)" = "alice member" ]

# A silent client holds its session in the key exchange, which a SIGTERM
# does not cut short: serve must still be gone within 5 seconds (it once
# reaped the killed session behind its own back and then waited for ever).
# The client says it is in once its session process has sent the banner,
# then stays silent: that silence is what is under test.
"$PY" -c 'import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(10)
print("banner" if s.recv(64).startswith(b"SSH-2.0-") else "none", flush=True)
time.sleep(30)' "$PORT" >"$T/silent.out" &
silent=$!
wait_until 10 grep -q banner "$T/silent.out" ||
	fail "the silent client got no banner"
stop_server
kill "$silent" 2>/dev/null
