/* bbs: ISC licence, see LICENSE. */
/*
 * A guest's store (SPEC section 10): somebody without a key, who may read
 * the public boards and join with an invitation, and for whom nothing is
 * written (store/guest.c).
 */
#ifndef STORE_GUEST_H
#define STORE_GUEST_H

#include "store/store.h"

/*
 * Puts the store in public-only mode, for good: from then on boards,
 * threads, posts, search and the moderation log show only what belongs
 * to public boards (the log: the acts on their posts, threads and the
 * boards themselves), as if nothing else existed, and every write fails
 * (PRAGMA query_only), store_join() alone excepted. Call it before the
 * first read; calling it again does nothing.
 */
int store_set_guest(struct store *st);

/* 1 if the store is in public-only mode. */
int store_is_guest(struct store *st);

#endif
