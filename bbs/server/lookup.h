/* bbs: ISC licence, see LICENSE. */
/*
 * The key lookup process: forked by the listener after the spawner and
 * before the host key or secret.key is loaded, it holds the server's one
 * long-lived store connection and answers the session processes' only
 * question, "whose key has this identity hash?". So a session process
 * never opens the store: opening SQLite (parsing the schema, creating the
 * WAL's files and removing them at close when no other connection is
 * open) was about a fifth of a connection's CPU time (docs/PERFORMANCE.md).
 * It learns nothing a session process could not read itself: it gets the
 * keyed hash, never the key, and holds no secret.
 *
 * With a key's member it sends the setting "sessions_per_member", which
 * the listener enforces (the listener holds no store connection). Its
 * second question is whether guests may log in (the setting "guests"),
 * asked by a session only when a client asks to log in as guest without
 * a key.
 */
#ifndef BBS_LOOKUP_H
#define BBS_LOOKUP_H

#include <sys/types.h>

#include <stdint.h>

#include "keys/keys.h"
#include "store/members.h"

/*
 * Forks the lookup process, which opens the store at path. Returns the
 * socket session processes ask on (close-on-exec; every session process
 * inherits it) and sets *pid; exits the program on failure.
 */
int lookup_start(const char *path, pid_t *pid);

/* Who a key is, as the lookup process answers. */
struct lookup_member {
	struct store_login login;
	enum store_role role;
	char pseudonym[32];
	int sessions_max; /* the setting "sessions_per_member", read fresh */
};

/*
 * Asks whose key has identity hash h: 0 and *m for a registered,
 * unrevoked key; -1 for an unknown or revoked key, or when the lookup
 * process did not answer within a few seconds.
 */
int lookup_key(
    int sock, const uint8_t h[KEYS_HASH_LEN], struct lookup_member *m);

/*
 * Asks the setting "guests": 0 and *mode (an enum store_guests), read
 * fresh, so `bbs config set guests off` holds for the next connection; -1
 * when the lookup process did not answer within a few seconds.
 */
int lookup_guests(int sock, int *mode);

#endif
