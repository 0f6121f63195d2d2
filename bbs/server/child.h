/* bbs: ISC licence, see LICENSE. */
/*
 * What a spawned child runs: the ncurses UI on its pty, or one exec
 * command on pipes. It opens its own store (after the fork, as SQLite
 * requires) and knows the member only by the ids the session passed.
 */
#ifndef BBS_CHILD_H
#define BBS_CHILD_H

#include "bbs/server/spawn.h"

/* spawn_main_fn for the spawner; arg is the struct bbs_paths. */
int child_main(const struct spawn_req *req, void *arg);

#endif
