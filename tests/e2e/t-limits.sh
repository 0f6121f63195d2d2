#!/bin/sh
# Pre-authentication limits (SPEC section 3; issue 12, item 5): a client
# must send its banner and KEXINIT within 5 s and log in within 20 s; at
# most 32 connections from one /24 and 64 in all wait to log in; as the
# table fills with idle ones (no KEXINIT after 1 s), new connections
# from networks that have idle ones waiting are dropped at random
# (MaxStartups 10:30:64); in a full table a network with none waiting
# takes the place of the oldest idle one; a network whose connections
# never finish the key exchange is refused for a while. Before, 120 idle
# sockets from four /24s held all 64 places, 20 s at a time, and locked
# everyone out.
. "$E2E_DIR/lib.sh"

member alice
start_server

# The test's networks are 127.0.N.0/24 for N > 0: the clients' own,
# 127.0.0.0/24, must stay clear of penalties, so that the logins below
# show whether the way is still open.
cat >"$T/lib.py" <<'PY'
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

def hold(src, tries=5000):
    """A silent connection from src that got the banner. The early drop
    closes some at once: try again, as an attacker would."""
    for _ in range(tries):
        s = connect(src)
        if banner(s):
            return s
        s.close()
    return None

def closed_at_once(src, times=10):
    n = 0
    for _ in range(times):
        s = connect(src)
        n += not banner(s)
        s.close()
    return n == times

def is_closed(s):
    """Closed by the server by now (it sends nothing to a silent one)."""
    s.setblocking(False)
    try:
        return s.recv(64) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True

def gone_after(s, t0, limit=40):
    """Seconds from t0 until the server closed s."""
    s.settimeout(limit)
    try:
        while s.recv(4096):
            pass
    except OSError:
        pass
    return round(time.time() - t0)
PY

# A client that finishes the key exchange and then says nothing is held
# to the 20 s login grace, not the 5 s: paramiko, from its own network.
"$PY" - "$PORT" <<'PY' >"$T/kexed.out" &
import socket, sys, time
import paramiko
s = socket.socket()
s.bind(("127.0.9.1", 0))
s.connect(("127.0.0.1", int(sys.argv[1])))
t0 = time.time()
t = paramiko.Transport(s)
t.start_client(timeout=10)
print("kexed", flush=True)
while t.is_active() and time.time() - t0 < 40:
    time.sleep(0.1)  # the poll interval, not a wait for something
print("dropped after %d s" % round(time.time() - t0), flush=True)
PY
kexed=$!

"$PY" - "$PORT" >"$T/out" <<PY
exec(open("$T/lib.py").read())
# 32 silent clients from 127.0.1.0/24: each gets the banner in the end.
held = []
for _ in range(32):
    s = hold("127.0.1.1")
    if s is None:
        break
    held.append((s, time.time()))
print("first32", len(held) == 32)
# The 33rd from that /24 is closed at once, however often it tries.
print("33rd", "closed" if closed_at_once("127.0.1.2", 20) else "open")
# Another /24 gets in at once: it has nothing waiting.
other = connect("127.0.2.1")
print("other", banner(other))
other.close()
# The silent clients are dropped at the 5 s deadline, not at 20 s.
print("dropped after %d s" % gone_after(*held[0]))
for s, t0 in held[1:]:
    gone_after(s, t0)
# ... and their network is refused for a while, once the listener has
# seen their sessions end; 127.0.3.0/24 is not.
deadline = time.time() + 10
while time.time() < deadline and not closed_at_once("127.0.1.3", 1):
    time.sleep(0.1)  # the poll interval, not a wait for something
print("penalised", closed_at_once("127.0.1.3", 10))
print("unpenalised", not closed_at_once("127.0.3.1", 1))
PY
cat "$T/out" >&2
check "32 silent clients from one /24 are let in (trying again when dropped)" \
	grep -q 'first32 True' "$T/out"
check "the 33rd from that /24 is closed at once" grep -q '33rd closed' "$T/out"
check "a client from another /24 gets in at once" grep -q 'other True' "$T/out"
secs=$(sed -n 's/dropped after \([0-9]*\) s/\1/p' "$T/out")
check "a silent client is dropped after about 5 s ($secs s)" \
	[ "${secs:-0}" -ge 4 -a "${secs:-0}" -le 7 ]
check "their network is then refused at once" grep -q 'penalised True' "$T/out"
check "... and only theirs" grep -q 'unpenalised True' "$T/out"
check "members still log in afterwards" [ "$(as alice whoami)" = "alice member" ]
wait "$kexed"
cat "$T/kexed.out" >&2
secs=$(sed -n 's/dropped after \([0-9]*\) s/\1/p' "$T/kexed.out")
check "a client silent after the key exchange is held to the 20 s grace ($secs s)" \
	[ "${secs:-0}" -ge 18 -a "${secs:-0}" -le 23 ]

# A silent client holds its session in the key exchange, which a SIGTERM
# does not cut short: serve must still be gone within 5 seconds (it once
# reaped the killed session behind its own back and then waited for ever).
# The client says it is in once its session process has sent the banner,
# then stays silent: that silence is what is under test.
"$PY" -c 'import socket, sys, time
s = socket.socket()
s.bind(("127.0.4.1", 0))
s.connect(("127.0.0.1", int(sys.argv[1])))
s.settimeout(10)
print("banner" if s.recv(64).startswith(b"SSH-2.0-") else "none", flush=True)
time.sleep(30)' "$PORT" >"$T/silent.out" &
silent=$!
wait_until 10 grep -q banner "$T/silent.out" ||
	fail "the silent client got no banner"
stop_server
kill "$silent" 2>/dev/null

# 60 idle sockets from four /24s, and then all 64 places: a member still
# gets in. The KEXINIT deadline and the login grace are raised so that
# the idle ones stay (they would go after 5 s, their networks refused).
start_server --kex-grace 120 --login-grace 120
cat >"$T/idle.py" <<PY
exec(open("$T/lib.py").read())
import subprocess
def login():
    return subprocess.run(["ssh", "-F", "$T/ssh_config", "-i", "$T/alice",
        "bbs", "whoami"], capture_output=True, text=True).stdout.strip()
t_first = time.time()
held = [hold("127.0.%d.1" % (10 + i % 4)) for i in range(60)]
print("held60", all(s is not None for s in held), flush=True)
print("login60", [login() for _ in range(3)].count("alice member"), flush=True)
held += [hold("127.0.%d.1" % (10 + i % 4)) for i in range(4)]
print("held64", all(s is not None for s in held), flush=True)
# Only a connection idle for a second (no KEXINIT) may be pushed out.
time.sleep(max(0, t_first + 1.5 - time.time()))  # that second, no more
print("login64", [login() for _ in range(3)].count("alice member"), flush=True)
# The first took the place of the oldest idle one, which was closed;
# the next two the place it left when it had logged in.
print("pushed", sum(is_closed(s) for s in held[:3]),
      sum(is_closed(s) for s in held[3:]), flush=True)
PY
"$PY" "$T/idle.py" "$PORT" >"$T/idle.out"
cat "$T/idle.out" >&2
check "60 idle sockets from four /24s are held" grep -q 'held60 True' "$T/idle.out"
check "... and a member gets in, 3 times of 3" grep -q 'login60 3' "$T/idle.out"
check "64 idle sockets hold every place" grep -q 'held64 True' "$T/idle.out"
check "... and a member still gets in, 3 times of 3" grep -q 'login64 3' "$T/idle.out"
check "... in the place of the oldest idle socket, and no other" \
	grep -q 'pushed 1 0' "$T/idle.out"
stop_server
