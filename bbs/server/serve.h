/* bbs: ISC licence, see LICENSE. */
/*
 * bbs serve: the SSH server as one local command. The console's table
 * (bbs/admin/admin.c) lists it; everything else of the server is reached
 * from here.
 */
#ifndef BBS_SERVE_H
#define BBS_SERVE_H

#include <libssh/server.h>

#include "bbs/cmd/cmd.h"

extern const struct cmd serve_cmd;

/*
 * The ssh_bind every session process inherits: hostkey (which it takes
 * over: never free it) and exactly SPEC section 3's algorithms. The
 * caller owns the bind; session_run() frees it. Exits the program if
 * libssh refuses an option. Also used by tests/fuzz/fuzz-ssh.c.
 */
ssh_bind serve_bind(ssh_key hostkey);

#endif
