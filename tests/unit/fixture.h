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

/*
 * SQL on the database file behind the store's back, on a connection of
 * its own: to set up a state or to check one. raw_sql returns 0 or -1;
 * raw_int the first column of the first row, -1 if none.
 */
int raw_sql(const char *db, const char *sql);
int64_t raw_int(const char *db, const char *sql);

#endif
