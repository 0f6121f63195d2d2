/* bbs: ISC licence, see LICENSE. */
/*
 * Internals shared by the store's files: the handle and small helpers
 * around sqlite3. Nothing outside store/ includes this.
 *
 * The files call each other downwards only: store.c is the base (it calls
 * no other file of store/), open.c the top (none calls it); in between,
 * a file may call those below it, e.g. threads.c calls boards.c and
 * members.c, pins.c calls threads.c. A helper that everything needs
 * belongs in store.c, not beside its first user.
 */
#ifndef STORE_STORE_INT_H
#define STORE_STORE_INT_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/boards.h"
#include "store/members.h"
#include "store/moderation.h"
#include "store/modlog.h"
#include "store/pins.h"
#include "store/store.h"
#include "store/threads.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct store {
	sqlite3 *db;
	char *path;
	int64_t clock;     /* 0: real time */
	int64_t login_key; /* the session's key row; 0: the console */
	const struct store_crypto *crypto;
	char error[256]; /* the last internal error, for store_error_take() */
	int error_set;
};

/*
 * Records what went wrong for the caller's log (store_error_take()) and
 * logs it at debug: the store returns errors, its callers report them.
 */
void store_error_set(struct store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prepares sql; STORE_ERR_INTERNAL (recorded) on failure. */
int store_prepare(struct store *st, sqlite3_stmt **stmt, const char *sql);

/*
 * Prepares sql and binds its parameters ?1, ?2, ... in order from the
 * arguments after types, one letter of types an argument: 'i' an int64_t
 * (cast a literal or an int), 't' a const char * (borrowed until the
 * statement is finalized; NULL binds NULL). Only as many are bound as
 * the statement has, so one argument list serves statements that use the
 * first few (a moderation act's). On failure *stmt is NULL and the error
 * recorded.
 */
int store_prepare_bind(struct store *st, sqlite3_stmt **stmt, const char *sql,
    const char *types, ...);

/*
 * Runs sql, bound as by store_prepare_bind(), to its end; *changed (if not
 * NULL) is the number of rows it changed.
 */
int store_run(
    struct store *st, const char *sql, int *changed, const char *types, ...);

/*
 * Maps the connection's last SQLite error to a STORE_ERR_*: BUSY and
 * LOCKED become STORE_ERR_BUSY, the rest STORE_ERR_INTERNAL, recorded
 * with what, the operation (store_error_set()).
 */
int store_sqlite_err(struct store *st, const char *what);

/* BEGIN IMMEDIATE, COMMIT, ROLLBACK: writes are short and take the lock at
 * once, so they never fail half-way with SQLITE_BUSY_SNAPSHOT. */
int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* Sets *cause (if cause is not NULL) to a formatted message. */
void store_cause(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A column as a new string ("" for NULL). */
char *store_column_text(sqlite3_stmt *stmt, int col);

/* How store_rows() reads one kind of row into an array element. */
struct store_row_type {
	const char *what; /* names the listing in an error */
	size_t size;      /* of one element */
	void (*from_row)(sqlite3_stmt *stmt, void *elem, const void *arg);
	void (*free_rows)(void *rows, size_t n);
};

/*
 * Defines the struct store_row_type called name for listings of type,
 * read by from_row and freed by the listing's own free function.
 */
#define STORE_ROW_TYPE(name, what, type, from_row, free_fn)                    \
	static void name##_free(void *rows, size_t n)                          \
	{                                                                      \
		free_fn(rows, n);                                              \
	}                                                                      \
	static const struct store_row_type name = { what, sizeof(type),        \
		from_row, name##_free }

/*
 * Steps a prepared listing to its end, one element a row filled by
 * t->from_row (given arg). On success *out and *n hold the rows (NULL and
 * 0 for none); on an error the rows read are freed and *out is NULL. The
 * caller finalizes stmt.
 */
int store_rows(struct store *st, sqlite3_stmt *stmt,
    const struct store_row_type *t, const void *arg, void **out, size_t *n);

/*
 * Runs a query, bound as by store_prepare_bind(), whose single row and
 * column is a JSON text, and returns it in *out (the caller's). For the
 * *_json() functions.
 */
int store_json_query(
    struct store *st, const char *sql, char **out, const char *types, ...);

/*
 * Runs the migrations up to version target (tests migrate step by step);
 * schema.c, called by store_open() (open.c).
 */
int store_migrate_to(struct store *st, int target, char **cause);
int store_migrate(struct store *st, char **cause);

/* Unix seconds now, not rounded (the test clock if set). */
int64_t store_clock(struct store *st);

/*
 * Within the caller's transaction: counts one event of kind ("post",
 * "pin") for member, or returns STORE_ERR_RATE if the member already has
 * the setting's number of them in the last 60 seconds (store/rate.c).
 */
int store_rate_take(struct store *st, int64_t member, const char *kind,
    const char *setting, char **cause);

/* ISO-8601 UTC of a stored time, as an SQL expression on column c. */
#define STORE_SQL_TIME(c) "strftime('%Y-%m-%dT%H:%M:%SZ', " c ", 'unixepoch')"
/* A member's name, or "[erased]", from the LEFT JOINed members alias m. */
#define STORE_SQL_AUTHOR(m) "coalesce(" m ".pseudonym, '[erased]')"

/*
 * The id for a new row of table t: past every id t has ever used, as
 * id_high remembers those deleted (schema version 2). SQLite alone would
 * hand a deleted newest row's id to the next row.
 */
#define STORE_SQL_NEXT_ID(t)                                                   \
	"(SELECT max(coalesce((SELECT max(id) FROM " t "), 0),"                \
	" coalesce((SELECT id FROM id_high WHERE tbl = '" t "'), 0)) + 1)"

/*
 * The replies of thread alias t: its posts but the opening one, if that
 * is still there (erase-me --posts may have removed it, not the replies).
 */
#define STORE_SQL_REPLIES(t)                                                   \
	"(" t ".posts - EXISTS (SELECT 1 FROM posts WHERE id = " t             \
	".first_post_id))"

/* JSON true or false from an SQL truth value c. */
#define STORE_SQL_BOOL(c) "json(CASE WHEN " c " THEN 'true' ELSE 'false' END)"

/*
 * Unread posts of thread alias t for the read row alias r (LEFT JOINed):
 * all of them without a row, none when read to the end, else a count of
 * the posts after the position (an index range).
 */
#define STORE_SQL_UNREAD                                                       \
	"CASE WHEN r.last_post_id IS NULL THEN t.posts"                        \
	" WHEN r.last_post_id >= t.last_post_id THEN 0"                        \
	" ELSE (SELECT count(*) FROM posts p2 WHERE p2.thread_id = t.id"       \
	"  AND p2.id > r.last_post_id) END"

/*
 * Inside a transaction: is the actor (still) allowed to moderate? The
 * console always is (members.c).
 */
int store_actor_check(
    struct store *st, const struct store_actor *a, char **cause);

/*
 * Within the caller's write transaction: board (a name; or thread's board
 * when thread is not 0) and thread exist (STORE_ERR_NOT_FOUND with
 * *cause) and, as store_post_check() reads them there, member may post
 * (STORE_ERR_PERM with *cause). *board_id is the board's (threads.c).
 */
int store_post_allowed(struct store *st, int64_t member, const char *board,
    int64_t thread, int64_t *board_id, char **cause);

/*
 * Within the caller's transaction, with no checks: inserts a thread on
 * board (an id) and its first post; the author has read it (threads.c).
 */
int store_thread_insert(struct store *st, int64_t member, int64_t board,
    const char *title, const char *body, int64_t *thread, int64_t *post);

/* Makes sure the SQL functions the schema uses exist (pins.c). */
int store_pins_sql_init(struct store *st);

/* The one integer a query, bound as by store_prepare_bind(), answers. */
int store_int_query(
    struct store *st, const char *sql, int64_t *out, const char *types, ...);

/*
 * The rule for a reason, a sysop's on the log or a member's for a flag:
 * one line of text (store_text_line()) of at most STORE_REASON_MAX
 * characters; NULL is none, which only a reason not required may be.
 * *out is the caller's (content.c).
 */
#define STORE_REASON_MAX 200
int store_reason_normalise(
    const char *reason, int required, char **out, char **cause);

/* Clamps a listing's limit into 1..STORE_LIMIT_MAX (store.c). */
int store_limit(int limit);

/* A setting's value or its default; see settings.c for the names. */
int64_t store_setting(struct store *st, const char *name);

#endif
