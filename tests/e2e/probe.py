#!/usr/bin/python3
# bbs: ISC licence, see LICENSE.
"""SSH protocol probes the OpenSSH client cannot make, for the e2e tests.

Uses paramiko (Debian's python3-paramiko) against the real server:

  probe.py PORT password             try a password login
  probe.py PORT kbdint               try keyboard-interactive
  probe.py PORT methods              print the methods the server offers
  probe.py PORT password-flood       keep guessing passwords on one
                                     connection; prints how many were
                                     answered before the server hung up
  probe.py PORT KEY second-channel   open a second session channel
  probe.py PORT KEY direct-tcpip     ask for a forwarded connection
  probe.py PORT KEY env              send env requests, then exec whoami
  probe.py PORT KEY slow-reader CMD  exec CMD with a small window, stop
                                     reading for 12 s, then read it all;
                                     prints the byte count and status
  probe.py PORT KEY as-guest CMD     log in with KEY as the user name
                                     guest, publickey first (OpenSSH
                                     always tries none first), exec CMD;
                                     prints the status and output
  probe.py PORT KEY want-reply [NAME[=VALUE]]...
                                     on one session channel, sends each
                                     request NAME (env requests as
                                     env:VAR=VALUE) with want-reply and
                                     prints "NAME success|failure|none"
                                     (none: no answer within 3 s), then
                                     execs whoami on the same channel and
                                     prints its status and output

Each prints one line of result and exits 0 when the probe ran (the test
decides whether the result is right), 2 when it could not run.
"""
import socket
import sys
import time

import paramiko


def transport(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    t = paramiko.Transport(sock)
    t.start_client(timeout=10)
    return t


def login(port, key_path, user="x"):
    t = transport(port)
    t.auth_publickey(user, paramiko.Ed25519Key.from_private_key_file(key_path))
    return t


def try_auth(port, how):
    t = transport(port)
    try:
        if how == "password":
            t.auth_password("alice", "hunter2")
        elif how == "kbdint":
            t.auth_interactive("alice", lambda title, instr, prompts:
                               ["hunter2"] * len(prompts))
        else:
            t.auth_none("alice")
        print("accepted")
    except paramiko.BadAuthenticationType as e:
        print("refused " + ",".join(sorted(e.allowed_types)))
    except paramiko.AuthenticationException as e:
        print("refused " + str(e))
    t.close()


def password_flood(port):
    t = transport(port)
    answered = 0
    for _ in range(40):
        try:
            t.auth_password("alice", "guess%d" % answered)
        except paramiko.BadAuthenticationType:
            answered += 1  # the server's answer: "publickey only"
            continue
        except (paramiko.SSHException, EOFError, OSError):
            pass  # no answer: the connection is gone
        break
    print("answered %d" % answered)
    t.close()


def second_channel(t):
    first = t.open_session()
    try:
        t.open_session(timeout=10)
        print("opened")
    except paramiko.ChannelException as e:
        print("refused " + str(e))
    first.close()


def direct_tcpip(t):
    try:
        t.open_channel("direct-tcpip", ("127.0.0.1", 22), ("127.0.0.1", 1),
                       timeout=10)
        print("opened")
    except paramiko.ChannelException as e:
        print("refused " + str(e))


def env(t):
    ch = t.open_session()
    ch.set_environment_variable("TERM", "xterm")
    ch.set_environment_variable("LD_PRELOAD", "/tmp/x.so")
    ch.exec_command("whoami")
    out = ch.makefile().read().decode()
    print("status %d %s" % (ch.recv_exit_status(), out.strip()))


def exec_print(t, cmd):
    exec_on(t.open_session(), cmd)


def slow_reader(t, cmd):
    ch = t.open_session(window_size=4096, max_packet_size=1024)
    ch.exec_command(cmd)
    time.sleep(12)  # longer than the server's 10 s write timeout
    got = 0
    deadline = time.time() + 60
    while time.time() < deadline:
        data = ch.recv(65536)
        if not data:
            break
        got += len(data)
    print("bytes %d status %d" % (got, ch.recv_exit_status()))


def want_reply(t, names):
    """Requests with want-reply, answers read by our own handlers: paramiko
    closes a channel on CHANNEL_FAILURE, and waits for ever for none."""
    import queue
    answers = queue.Queue()
    table = dict(t._channel_handler_table)
    ours = [0]  # requests of ours not yet answered

    def answer(name, ptype):
        def handle(chan, m):
            if ours[0] > 0:
                ours[0] -= 1
                answers.put(name)
            else:
                table[ptype](chan, m)  # paramiko's own request
        return handle
    t._channel_handler_table = dict(table)
    for name, ptype in (("success", paramiko.common.MSG_CHANNEL_SUCCESS),
                        ("failure", paramiko.common.MSG_CHANNEL_FAILURE)):
        t._channel_handler_table[ptype] = answer(name, ptype)
    ch = t.open_session()
    for name in names:
        m = paramiko.Message()
        m.add_byte(paramiko.common.cMSG_CHANNEL_REQUEST)
        m.add_int(ch.remote_chanid)
        if name.startswith("env:"):
            var, _, value = name[4:].partition("=")
            m.add_string("env")
            m.add_boolean(True)
            m.add_string(var)
            m.add_string(value)
        else:
            m.add_string(name)
            m.add_boolean(True)
            if name == "signal":
                m.add_string("INT")
            elif name == "exit-signal":
                m.add_string("TERM")
                m.add_boolean(False)
                m.add_string("")
                m.add_string("")
            elif name == "exit-status":
                m.add_int(3)
            elif name == "break":
                m.add_int(0)
            elif name == "window-change":
                for v in (80, 24, 0, 0):
                    m.add_int(v)
            elif name == "x11-req":
                m.add_boolean(False)
                m.add_string("MIT-MAGIC-COOKIE-1")
                m.add_string("00" * 16)
                m.add_int(0)
            elif name == "subsystem":
                m.add_string("sftp")
            elif name == "pty-req":
                m.add_string("xterm")
                for v in (80, 24, 0, 0):
                    m.add_int(v)
                m.add_string("")
        ours[0] += 1
        t._send_user_message(m)
        try:
            print("%s %s" % (name, answers.get(timeout=3)))
        except queue.Empty:
            print("%s none" % name)
    ours[0] = 0
    t._channel_handler_table = table
    exec_on(ch, "whoami")


def exec_on(ch, cmd):
    ch.exec_command(cmd)
    out = ch.makefile().read().decode()
    print("status %d %s" % (ch.recv_exit_status(), out.strip()))


def main():
    port = int(sys.argv[1])
    what = sys.argv[2]
    if what in ("password", "kbdint", "methods"):
        try_auth(port, what)
        return 0
    if what == "password-flood":
        password_flood(port)
        return 0
    probe = sys.argv[3]
    t = login(port, what, "guest" if probe == "as-guest" else "x")
    if probe == "second-channel":
        second_channel(t)
    elif probe == "direct-tcpip":
        direct_tcpip(t)
    elif probe == "env":
        env(t)
    elif probe == "slow-reader":
        slow_reader(t, sys.argv[4])
    elif probe == "as-guest":
        exec_print(t, sys.argv[4])
    elif probe == "want-reply":
        want_reply(t, sys.argv[4:])
    else:
        return 2
    t.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
