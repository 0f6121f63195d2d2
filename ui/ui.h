/* bbs: ISC licence, see LICENSE. */
/*
 * The interactive board: a full-screen ncurses application that runs on
 * its own pty, in its own process, for one member. It reads and writes
 * through the store and knows nothing of SSH.
 */
#ifndef UI_UI_H
#define UI_UI_H

#include <stdint.h>

#include "store/store.h"

struct ui_config {
	struct store *st;  /* open, with the moderation log's crypto */
	int64_t member_id; /* who is logged in */
	int64_t key_row;   /* with which key */
	int offered;       /* keys the client offered, this one included */
	const char *term;  /* TERM from the pty request */
	int no_color; /* NO_COLOR was set: draw as on a monochrome terminal */
};

/*
 * Runs the session on standard input and output until the member quits,
 * the key is revoked, or SIGTERM/SIGHUP arrive. Returns the exit status.
 */
int ui_run(const struct ui_config *cfg);

#endif
