/* bbs: ISC licence, see LICENSE. */
/*
 * The interactive board: a full-screen ncurses application that runs on
 * its own pty, in its own process, for one member, an applicant (who
 * gets a waiting screen), or a guest (the public boards, read-only). It
 * reads and writes through the store and knows nothing of SSH.
 */
#ifndef UI_UI_H
#define UI_UI_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define UI_INVITE_TEXT_MAX 64 /* bytes of a printed code, NUL included */

struct ui_config {
	struct store *st;  /* open, with the moderation log's crypto */
	int64_t member_id; /* who is logged in (0 for a guest) */
	int64_t key_row;   /* with which key (0 for a guest) */
	int offered;       /* keys the client offered, this one included */
	const char *term;  /* TERM from the pty request */
	/*
	 * A guest without a key (SPEC section 10): the UI puts st in
	 * public-only mode (store_set_guest()) before it reads anything,
	 * and writes nothing.
	 */
	int guest;
	/*
	 * The board's address for the ssh lines it prints (HOST[:PORT], as
	 * sshline_format() takes it): the setting "address", else the one
	 * the client reached.
	 */
	const char *address;
	/*
	 * Makes a new invitation code: its printed form into text (len
	 * bytes, at least UI_INVITE_TEXT_MAX) and the keyed hash the store
	 * keeps into hash. 0, or -1 with *cause (the caller frees it). The
	 * secret behind the hash is bbs/'s, not the UI's; NULL: the board
	 * cannot invite. arg is invite_arg.
	 */
	int (*invite_code)(const void *arg, char *text, size_t len,
	    uint8_t hash[STORE_HASH_LEN], char **cause);
	const void *invite_arg;
	int no_color; /* NO_COLOR was set: draw as on a monochrome terminal */
};

/*
 * Runs the session on standard input and output until the member quits,
 * the key is revoked, or SIGTERM/SIGHUP arrive. Returns the exit status.
 */
int ui_run(const struct ui_config *cfg);

#endif
