/* bbs: ISC licence, see LICENSE. */
/* The session process's state, shared by session.c and pump.c. */
#ifndef BBS_SESSION_INT_H
#define BBS_SESSION_INT_H

#include <sys/ioctl.h>

#include <signal.h>
#include <time.h>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

#include "bbs/server/session.h"
#include "store/members.h"
#include "util/buf.h"

/*
 * Child output waiting for the client's window. The callback that finds
 * end of file only sets eof: the pump's loop takes fd out of the event
 * before it closes it (libssh polls the event from inside callbacks).
 */
struct pump_out {
	struct session *se;
	int fd;         /* -1 once closed */
	int stderr_;    /* goes out as extended data */
	int watched;    /* registered with the event loop... */
	int watched_fd; /* ...under this fd */
	struct buf pending;
	int eof; /* read gave end of file; fd still open */
};

enum session_start { START_NONE, START_SHELL, START_EXEC };

struct session {
	const struct session_config *cfg;
	ssh_session ssh;
	ssh_channel chan;
	ssh_event event;
	struct ssh_server_callbacks_struct server_cb;
	struct ssh_callbacks_struct common_cb; /* the key exchange's steps */
	struct timespec connected;             /* when the client connected */
	int kexinit;                           /* its KEXINIT has come */
	struct ssh_channel_callbacks_struct chan_cb;

	/* Authentication. */
	int authed;
	int attempts;
	int refused;       /* keys offered and refused: the key-offer notice */
	int refused_other; /* attempts by any other method */
	struct store_login login;
	enum store_role role;
	int notify_fd;  /* to the listener; -1 once closed */
	int guests;     /* the setting "guests" once asked; -1 before */
	int guest;      /* logged in as guest, without a key */
	int guest_full; /* ...beyond the guest caps: one line, then 75 */
	char over;      /* a member beyond a session cap: SESSION_FULL_* */
	int per_member; /* the member's cap, as the lookup process read it */
	char pseudonym[32];
	char address[64]; /* HOST:PORT this connection reached */

	/* The channel's requests. */
	enum session_start start;
	int peer_closed; /* the client closed the channel */
	char *command;
	char term[64];
	int no_color;   /* env NO_COLOR, not empty: a board without colours */
	int pty_master; /* -1 without a pty */
	int pty_slave;
	struct winsize ws;

	/* The child and the pump. */
	pid_t child;
	int status_fd;  /* the spawner's status socket; -1 once closed */
	int exit_known; /* the child's end is known: exit_code is final */
	int exit_code;
	int killed;  /* overstayed the shutdown grace */
	time_t idle; /* when a guest was found without input; 0 before */
	int in_fd;   /* client input goes here; -1 once closed */
	struct pump_out out[2];
	struct buf in;
};

/* Set by SIGTERM and SIGINT: the listener is shutting down. */
extern volatile sig_atomic_t session_terminate;

/*
 * Pumps between the channel and the child until the child has ended and
 * its output is sent, or the client has gone; returns the exit status to
 * report, or -1 if the client went away.
 */
int pump_run(struct session *se);

#endif
