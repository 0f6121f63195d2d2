/* bbs: ISC licence, see LICENSE. */
/*
 * What the files of bbs/ share: the data directory's paths, opening the
 * store with the moderation log's crypto wired in from keys/, and the map
 * from store errors to <sysexits.h> exit statuses (SPEC section 4).
 */
#ifndef BBS_BBS_H
#define BBS_BBS_H

#include <sysexits.h>

#include "keys/invite.h"
#include "store/store.h"

#define BBS_DEFAULT_DATA "./var"

/* The data directory's files (SPEC section 2), by name in it. */
#define BBS_FILE_DB "bbs.db"
#define BBS_FILE_HOSTKEY "host_ed25519"
#define BBS_FILE_SECRET "secret.key"
#define BBS_FILE_MODLOG_KEY "modlog.key"

struct bbs_paths {
	char *dir; /* the data directory, resolved (no symbolic links) */
	int dirfd; /* ...held open: open its files in it, O_NOFOLLOW */
	char *db;  /* bbs.db in it, for SQLite, which wants a path */
};

/*
 * Fills p for the data directory dir, creating it and its missing parents
 * (0700) if need be, opening it and checking that it can be trusted:
 * owned by this user, written by nobody else, none of its files a
 * symbolic link. On error returns the exit status, EX_USAGE (no usable
 * directory) or EX_NOPERM (one not to be trusted), with *cause naming it.
 */
int bbs_paths_init(const char *dir, struct bbs_paths *p, char **cause);

/*
 * Opens and checks p->dir again, for a process whose descriptors were all
 * closed after the fork (a spawned child): 0, or as bbs_paths_init().
 */
int bbs_paths_reopen(struct bbs_paths *p, char **cause);
void bbs_paths_free(struct bbs_paths *p);

/*
 * Opens the store at p->db with the moderation log's hashing and signing
 * (modlog.key, loaded on first use). *out is closed with bbs_store_close().
 */
int bbs_store_open(const struct bbs_paths *p, struct store **out, char **cause);
void bbs_store_close(struct store *st);

/*
 * Loads the moderation log's key now, to tell a missing or unreadable
 * modlog.key apart from a damaged log: 0, or -1 with *cause (the caller's).
 */
int bbs_log_key_ready(char **cause);

/*
 * A new invitation code (keys/invite.h): its printed form into text and
 * the keyed hash the store keeps into hash, with the subkey of
 * secret.key in p->dirfd (loaded here and wiped at once; never created: a
 * member exists, so a key was hashed). 0, or -1 with *cause (the caller's). The
 * caller wipes text once it has shown it.
 */
int bbs_invite_code(const struct bbs_paths *p,
    char text[KEYS_INVITE_TEXT_LEN + 1], uint8_t hash[KEYS_HASH_LEN],
    char **cause);

/* The exit status for a STORE_ERR_* (0 for STORE_OK). */
int bbs_exit_status(int store_err);

/*
 * Logs the store's last internal error (store_error_take()), if any, as
 * "who: what": the store returns errors and bbs, which handles them,
 * reports each once.
 */
void bbs_store_report(struct store *st, const char *who);

#endif
