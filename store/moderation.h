/* bbs: ISC licence, see LICENSE. */
/*
 * Moderation that is collective and visible (SPEC section 8), in
 * store/moderation.c (acts and the two-sysop rule), store/flags.c and
 * store/erase.c. Every act is written to the moderation log in the same
 * transaction as the change it records, so there is no act without its
 * entry and no entry without its act.
 */
#ifndef STORE_MODERATION_H
#define STORE_MODERATION_H

#include "store/store.h"

#define STORE_PENDING_DAYS 7 /* a two-sysop request lapses after this */

/*
 * Hides a post from members (the body stays, restorable) and closes its
 * open flags; unhide restores it. Hiding needs a reason. A sysop actor
 * must still be a sysop (STORE_ERR_PERM). Repeating either changes nothing
 * and logs nothing.
 */
int store_post_hide(struct store *st, const struct store_actor *a, int64_t post,
    const char *reason, char **cause);
int store_post_unhide(struct store *st, const struct store_actor *a,
    int64_t post, const char *reason, char **cause);

enum store_thread_flag { STORE_THREAD_LOCKED, STORE_THREAD_STICKY };

/* Locks/unlocks or sticks/unsticks a thread; logged; repeats are no-ops. */
int store_thread_set(struct store *st, const struct store_actor *a,
    int64_t thread, enum store_thread_flag flag, int on, const char *reason,
    char **cause);

/*
 * Revokes a key. Revoking a sysop's key (not one's own) by a sysop is a
 * two-sysop act: the first request is recorded and logged and *pending is
 * set; the same act by a different sysop within STORE_PENDING_DAYS carries
 * it out; the requester repeating it changes nothing. The console is
 * exempt. Revoking a revoked key changes nothing.
 */
int store_key_revoke(struct store *st, const struct store_actor *a,
    const char *key_id, const char *reason, int *pending, char **cause);

/*
 * Sets a member's role to member or sysop. Demoting a sysop (not oneself)
 * and promoting anyone are two-sysop acts as above: with promotion by one
 * sysop alone, a sysop could promote a puppet to confirm their own
 * requests. The console is exempt. Bots keep their role.
 */
int store_role_set(struct store *st, const struct store_actor *a,
    const char *pseudonym, enum store_role role, const char *reason,
    int *pending, char **cause);

/* --- flags (store/flags.c) --------------------------------------------- */

struct store_flag {
	int64_t id;
	int64_t post;
	int64_t thread;
	char *reason;
	int64_t created;
};

void store_flags_free(struct store_flag *f, size_t n);

/*
 * A member asks sysops to look at a post. Who flagged is not recorded, not
 * even for a rate limit (member is who asks, and is kept nowhere); a post
 * holds at most 20 open flags (STORE_ERR_RATE past that).
 */
int store_flag_add(struct store *st, int64_t member, int64_t post,
    const char *reason, int64_t *id, char **cause);
/* Open flags, oldest first. */
int store_flags_list(struct store *st, struct store_flag **out, size_t *n);
/* [{id, post, thread, reason, created}]. */
int store_flags_json(struct store *st, char **out);
/* Closes a flag without acting on the post; logged as "flag-dismiss". */
int store_flag_dismiss(struct store *st, const struct store_actor *a,
    int64_t flag, const char *reason, char **cause);

/* --- erase-me (store/erase.c) ------------------------------------------ */

/*
 * Removes a member: keys, pseudonym, read positions, votes, pending
 * requests. Their posts, threads and pins stay with the author "[erased]",
 * unless with_posts, which deletes their posts and pins too (a thread they
 * started keeps its title and others' replies; one left empty is deleted)
 * and purges the search index and the WAL of them. Logged without the
 * pseudonym. Final. If the purge fails, the erase still stands and
 * returns STORE_OK, and store_error_take() says what keeps traces (the
 * caller logs it).
 */
int store_member_erase(
    struct store *st, int64_t member, int with_posts, char **cause);

#endif
