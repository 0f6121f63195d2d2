/* bbs: ISC licence, see LICENSE. */
/*
 * One SSH connection, in its own process forked by the listener: key
 * exchange, public key authentication, one session channel, and the pump
 * between the channel and the UI or command child that the spawner starts.
 */
#ifndef BBS_SESSION_H
#define BBS_SESSION_H

#include <stdint.h>

#include <libssh/server.h>

#include "bbs/bbs.h"

struct keys_secret;

/* What every session process inherits from the listener. */
struct session_config {
	const struct bbs_paths *paths;
	const struct keys_secret *secret;
	int spawn_sock;   /* requests to the spawner */
	int lookup_sock;  /* key lookups (lookup.h) */
	int login_grace;  /* seconds to authenticate */
	int kex_grace;    /* seconds for the client's banner and KEXINIT */
	int guest_idle;   /* seconds a guest session may go without input */
	int sessions_max; /* sessions the listener admits at once, in all */
	int keepalive;    /* seconds of client silence before a keepalive */
	unsigned long id; /* connection number, for logs */
};

/*
 * The session's side of its notify socket (a SOCK_SEQPACKET socketpair
 * with the listener), one byte a message. A member's session closes it at
 * login. A guest's keeps it and asks, the listener answering 'y' or 'n':
 */
#define SESSION_ASK_GUEST 'g' /* a guest has logged in: is there room? */
#define SESSION_ASK_JOIN 'j'  /* this guest runs join: may its network? */

/* Told, not asked (no answer): the client has sent its KEXINIT. */
#define SESSION_SAW_KEXINIT 'k'

/*
 * How a session process that never finished the key exchange exits, for
 * the listener's penalties (limits.h); any other status is 0 or 1.
 */
#define SESSION_EXIT_NOKEX 2 /* the client went, or the exchange failed */
#define SESSION_EXIT_IDLE 3  /* the client took too long */

/*
 * A member's session asks once, as it logs in, with a struct
 * session_ask_member: the listener counts it against the member's limit
 * (per_member, the setting the lookup process read for this login) and
 * the global cap on sessions, and answers 'y', or SESSION_FULL_MEMBER
 * when the member has per_member sessions open already, or
 * SESSION_FULL_BOARD when the board has its cap. Only then does the
 * session close the socket; a refused one keeps it until it ends, so it
 * stays counted against the pre-authentication caps. Nothing but the
 * member id is sent: the listener never learns who it is counting.
 */
#define SESSION_ASK_MEMBER 'm'
#define SESSION_FULL_MEMBER 'm'
#define SESSION_FULL_BOARD 'f'

struct session_ask_member {
	char what; /* SESSION_ASK_MEMBER */
	int32_t per_member;
	int64_t member_id;
};

/*
 * Serves the accepted connection fd and never returns. notify_fd is closed
 * as soon as a member has logged in and been counted, which tells the
 * listener this connection no longer counts against the
 * pre-authentication limits; a guest asks on it instead (above).
 */
void session_run(ssh_bind bind, int fd, int notify_fd,
    const struct session_config *cfg) __attribute__((noreturn));

/*
 * session_run() in the calling process, for tests/fuzz/fuzz-ssh.c: the
 * same setup and callbacks, but no signal handlers, no alarm when
 * cfg->login_grace is 0 (blocking libssh calls then time out after a
 * second), and it returns, having freed the session, bind and fd
 * (ssh_disconnect() closes it). notify_fd stays the caller's.
 */
void session_handle(
    ssh_bind bind, int fd, int notify_fd, const struct session_config *cfg);

#endif
