/* bbs: ISC licence, see LICENSE. */
/*
 * A store for a test case: a real SQLite file in a fresh temp dir, with
 * the moderation log's crypto wired to keys/ as bbs/ does, and helpers to
 * make members and boards in one line.
 */
#ifndef TESTS_UNIT_FIXTURE_H
#define TESTS_UNIT_FIXTURE_H

#include "store/boards.h"
#include "store/members.h"
#include "store/moderation.h"
#include "store/modlog.h"
#include "store/store.h"
#include "store/threads.h"

struct fixture {
	char *dir;
	char *db; /* dir/bbs.db */
	struct store *st;
};

/* Opens a fresh store; exits the test program if it cannot. */
void fixture_open(struct fixture *f);
void fixture_close(struct fixture *f);

/* Adds a member (and a key derived from name) with role; its id. */
int64_t fixture_member(
    struct fixture *f, const char *name, enum store_role role);
/* Creates a board, post_role member. */
void fixture_board(struct fixture *f, const char *name);
/* Posts a thread; its id (and *post its first post's, if not NULL). */
int64_t fixture_thread(struct fixture *f, int64_t member, const char *board,
    const char *title, const char *body, int64_t *post);

#endif
