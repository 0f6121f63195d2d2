/* bbs: ISC licence, see LICENSE. */
/*
 * One SSH connection, in its own process forked by the listener: key
 * exchange, public key authentication, one session channel, and the pump
 * between the channel and the UI or command child that the spawner starts.
 */
#ifndef BBS_SESSION_H
#define BBS_SESSION_H

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
	unsigned long id; /* connection number, for logs */
};

/*
 * Serves the accepted connection fd and never returns. notify_fd is closed
 * as soon as the client has logged in, which tells the listener this
 * connection no longer counts against the pre-authentication limits.
 */
void session_run(ssh_bind bind, int fd, int notify_fd,
    const struct session_config *cfg) __attribute__((noreturn));

#endif
