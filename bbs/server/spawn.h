/* bbs: ISC licence, see LICENSE. */
/*
 * The spawner: a process forked from the listener before the host key or
 * any secret is loaded and before libssh is initialised. Session processes
 * ask it, over a socketpair, to fork the UI or a command for them, passing
 * the child's terminal or pipes as file descriptors. So the UI and command
 * processes never map the host key or a connection's keys, and they start
 * from a small clean image instead of a copy of the session process (see
 * docs/DESIGN-NOTES.md).
 */
#ifndef BBS_SPAWN_H
#define BBS_SPAWN_H

#include <sys/types.h>

#include <stdint.h>

#include "bbs/cmd/words.h"

enum spawn_kind {
	SPAWN_UI = 1,  /* the ncurses session, on a pty */
	SPAWN_CMD = 2, /* one exec command, on pipes or a pty */
};

/*
 * What a child runs and for whom. A guest (SPEC section 10) has no member
 * and no key: guest is 1, member_id and key_row are 0, key_id is empty.
 */
struct spawn_req {
	uint32_t kind;
	uint32_t ctty;  /* 1: one fd, a pty slave; else stdin/out/err */
	uint32_t guest; /* 1: logged in as guest, without a key */
	int64_t member_id;
	int64_t key_row;
	int32_t offered; /* keys the client offered, the accepted one too */
	char key_id[16];
	char term[64];
	uint32_t no_color; /* 1: the client set NO_COLOR (no-color.org) */
	/* HOST:PORT the client reached, for lines such as "ssh -p PORT
	 * guest@HOST join ..." when the setting "address" is empty. */
	char address[64];
	char command[WORDS_LINE_MAX + 1];
};

/* Runs in the child; the return value is its exit status. */
typedef int (*spawn_main_fn)(const struct spawn_req *req, void *arg);

/*
 * Forks the spawner. Returns the socket the session processes send
 * requests on (close-on-exec; every session process inherits it) and sets
 * *pid; exits the program on failure.
 */
int spawn_start(spawn_main_fn child_main, void *arg, pid_t *pid);

/*
 * Asks for a child: fds are {pty slave} when req->ctty, else {stdin,
 * stdout, stderr}. Returns the status socket from which
 * spawn_read_status() later reads how the child ended, and sets *pid; -1
 * on failure. The caller still owns and closes fds.
 */
int spawn_request(
    int sock, const struct spawn_req *req, const int *fds, pid_t *pid);

/*
 * Reads the wait status of the child from its status socket once it is
 * readable. 0 on success; -1 if the spawner went away.
 */
int spawn_read_status(int fd, int *wstatus);

#endif
