/* bbs: ISC licence, see LICENSE. */
/*
 * Threads and posts. Writing checks, in one transaction: the board and
 * thread exist, the member may post there (store_post_check(), the one
 * home of who may post where, which the commands and the UI ask too), and
 * the rate limit. The posts triggers keep threads.posts,
 * threads.last_post_id and the search index.
 */
#include <string.h>

#include "store/store-int.h"

/* clang-format off */
#define THREAD_COLUMNS \
	"t.id, b.name, t.title, " STORE_SQL_AUTHOR("m") ", t.created, " \
	STORE_SQL_REPLIES("t") ", t.last_post_id, t.locked, t.sticky"
/* clang-format on */

#define THREAD_FROM                                                            \
	" FROM threads t JOIN boards b ON b.id = t.board_id"                   \
	" LEFT JOIN members m ON m.id = t.author_id"                           \
	" LEFT JOIN reads r ON r.member_id = ?1 AND r.thread_id = t.id"

#define THREAD_ORDER " ORDER BY t.sticky DESC, t.last_post_id DESC"

void
store_thread_free(struct store_thread *t)
{
	if (t == NULL)
		return;
	store_threads_free(t, 1);
}

void
store_threads_free(struct store_thread *t, size_t n)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(t[i].board);
		free(t[i].title);
		free(t[i].author);
	}
	free(t);
}

void
store_posts_free(struct store_post *p, size_t n)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(p[i].author);
		free(p[i].body);
		free(p[i].hidden);
	}
	free(p);
}

/* A thread; arg is the member (int64_t) it is read for, 0 for none. */
static void
thread_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_thread *t = elem;
	int64_t member = *(const int64_t *)arg;

	t->id = sqlite3_column_int64(stmt, 0);
	t->board = store_column_text(stmt, 1);
	t->title = store_column_text(stmt, 2);
	t->author = store_column_text(stmt, 3);
	t->created = sqlite3_column_int64(stmt, 4);
	t->replies = sqlite3_column_int64(stmt, 5);
	t->last_post_id = sqlite3_column_int64(stmt, 6);
	t->locked = sqlite3_column_int(stmt, 7);
	t->sticky = sqlite3_column_int(stmt, 8);
	t->unread = member != 0 ? sqlite3_column_int64(stmt, 9) : 0;
}

/*
 * *granted = 1 if the key this session logged in with is member's, not
 * revoked, and was granted board. Never without a login key: a bot's
 * grants are its keys', not the member's (SPEC section 2).
 */
static int
post_granted(struct store *st, int64_t member, int64_t board, int *granted)
{
	sqlite3_stmt *stmt = NULL;
	int r = STORE_OK, rc;

	*granted = 0;
	if (st->login_key == 0 ||
	    (r = store_prepare(st, &stmt,
	         "SELECT 1 FROM key_boards kb JOIN keys k ON k.id = kb.key_id"
	         " WHERE kb.key_id = ? AND kb.board_id = ? AND k.member_id = ?"
	         " AND NOT k.revoked")) != STORE_OK)
		goto out;
	sqlite3_bind_int64(stmt, 1, st->login_key);
	sqlite3_bind_int64(stmt, 2, board);
	sqlite3_bind_int64(stmt, 3, member);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*granted = 1;
	else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "bot boards");
out:
	sqlite3_finalize(stmt);
	return r;
}

int
store_post_check(struct store *st, int64_t member, const struct store_board *b,
    const struct store_thread *t, enum store_post_bar *bar, char **cause)
{
	struct store_member *m = NULL;
	int r, granted = 0;

	*bar = STORE_POST_OK;
	if ((r = store_member_get_id(st, member, &m)) != STORE_OK)
		goto out;
	if (m->role == STORE_ROLE_BOT) {
		/* Granted by sysops, so even where only sysops may post. */
		if ((r = post_granted(st, member, b->id, &granted)) != STORE_OK)
			goto out;
		if (!granted) {
			store_cause(
			    cause, "this bot may not post on %s", b->name);
			*bar = STORE_POST_UNGRANTED;
		}
	} else if (m->role != STORE_ROLE_SYSOP &&
	           b->post_role == STORE_ROLE_SYSOP) {
		store_cause(cause, "only sysops may post on %s", b->name);
		*bar = STORE_POST_SYSOPS;
	}
	if (*bar == STORE_POST_OK && t != NULL && t->locked &&
	    m->role != STORE_ROLE_SYSOP) {
		store_cause(cause, "thread %lld is locked", (long long)t->id);
		*bar = STORE_POST_LOCKED;
	}
	if (*bar != STORE_POST_OK)
		r = STORE_ERR_PERM;
out:
	store_member_free(m);
	return r;
}

int
store_post_allowed(struct store *st, int64_t member, const char *board,
    int64_t thread, int64_t *board_id, char **cause)
{
	struct store_board *b = NULL;
	struct store_thread *t = NULL;
	enum store_post_bar bar;
	int r;

	if (thread != 0) {
		if ((r = store_thread_get(st, thread, 0, &t)) != STORE_OK) {
			if (r == STORE_ERR_NOT_FOUND)
				store_cause(
				    cause, "no thread %lld", (long long)thread);
			goto out;
		}
		board = t->board;
	}
	if ((r = store_board_get(st, board, &b)) != STORE_OK) {
		if (r == STORE_ERR_NOT_FOUND)
			store_cause(cause, "no board '%s'", board);
		goto out;
	}
	*board_id = b->id;
	r = store_post_check(st, member, b, t, &bar, cause);
out:
	store_board_free(b);
	store_thread_free(t);
	return r;
}

static int
post_insert(struct store *st, int64_t member, int64_t thread, const char *body,
    int64_t *post)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO posts (id, thread_id, author_id, body, created)"
	         " VALUES (" STORE_SQL_NEXT_ID("posts") ", ?, ?, ?, ?)")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, thread);
	sqlite3_bind_int64(stmt, 2, member);
	sqlite3_bind_text(stmt, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, store_now(st));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "post insert");
	else
		*post = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	/* The author has read what they wrote. */
	if (r == STORE_OK)
		r = store_read_mark(st, member, thread, *post);
	return r;
}

static int
thread_insert(struct store *st, int64_t member, int64_t board,
    const char *title, int64_t *thread)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO threads (id, board_id, title, author_id, created)"
	         " VALUES (" STORE_SQL_NEXT_ID("threads") ", ?, ?, ?, ?)")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, board);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, member);
	sqlite3_bind_int64(stmt, 4, store_now(st));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "thread insert");
	else
		*thread = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	return r;
}

int
store_thread_insert(struct store *st, int64_t member, int64_t board,
    const char *title, const char *body, int64_t *thread, int64_t *post)
{
	int r;

	if ((r = thread_insert(st, member, board, title, thread)) != STORE_OK)
		return r;
	return post_insert(st, member, *thread, body, post);
}

int
store_thread_create(struct store *st, int64_t member, const char *board,
    const char *title, const char *body, size_t body_len, int64_t *thread,
    int64_t *post, char **cause)
{
	char *t = NULL, *b = NULL;
	int64_t board_id = 0;
	int r;

	if ((r = store_text_line(title, (size_t)store_setting(st, "title_max"),
	         0, "the title", &t, cause)) != STORE_OK ||
	    (r = store_text_body(body, body_len,
	         (size_t)store_setting(st, "body_max"), "the body", &b,
	         cause)) != STORE_OK)
		goto out;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_post_allowed(st, member, board, 0, &board_id, cause)) ==
	        0 &&
	    (r = store_rate_take(st, member, "post", "rate_posts", cause)) ==
	        0 &&
	    (r = thread_insert(st, member, board_id, t, thread)) == 0 &&
	    (r = post_insert(st, member, *thread, b, post)) == 0)
		r = store_commit(st);
	if (r != STORE_OK)
		store_rollback(st);
out:
	free(t);
	free(b);
	return r;
}

int
store_post_reply(struct store *st, int64_t member, int64_t thread,
    const char *body, size_t body_len, int64_t *post, char **cause)
{
	char *b = NULL;
	int64_t board_id = 0;
	int r;

	if ((r = store_text_body(body, body_len,
	         (size_t)store_setting(st, "body_max"), "the body", &b,
	         cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_post_allowed(
	         st, member, NULL, thread, &board_id, cause)) == 0 &&
	    (r = store_rate_take(st, member, "post", "rate_posts", cause)) ==
	        0 &&
	    (r = post_insert(st, member, thread, b, post)) == 0)
		r = store_commit(st);
	if (r != STORE_OK)
		store_rollback(st);
out:
	free(b);
	return r;
}

STORE_ROW_TYPE(thread_rows, "threads list", struct store_thread,
    thread_from_row, store_threads_free);

int
store_threads_list(struct store *st, const char *board, int64_t member,
    int limit, struct store_thread **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " THREAD_COLUMNS ", " STORE_SQL_UNREAD THREAD_FROM
	         " WHERE b.name = ?2" THREAD_ORDER " LIMIT ?3")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_text(stmt, 2, board, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, store_limit(limit));
	r = store_rows(st, stmt, &thread_rows, &member, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

/* clang-format off */
#define THREADS_JSON \
	"SELECT json_group_array(json_object('id', id, 'board', board," \
	" 'title', title, 'author', author," \
	" 'created', " STORE_SQL_TIME("created") ", 'replies', replies," \
	" 'locked', " STORE_SQL_BOOL("locked") "," \
	" 'sticky', " STORE_SQL_BOOL("sticky") "))" \
	" FROM (SELECT t.id AS id, b.name AS board, t.title AS title, " \
	STORE_SQL_AUTHOR("m") " AS author, t.created AS created, " \
	STORE_SQL_REPLIES("t") " AS replies, t.locked AS locked," \
	" t.sticky AS sticky" THREAD_FROM " WHERE b.name = ?2" THREAD_ORDER \
	" LIMIT ?3)"
/* clang-format on */

int
store_threads_json(struct store *st, const char *board, int limit, char **out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = NULL;
	if ((r = store_prepare(st, &stmt, THREADS_JSON)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, 0);
	sqlite3_bind_text(stmt, 2, board, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, store_limit(limit));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else
		r = store_sqlite_err(st, "threads json");
	sqlite3_finalize(stmt);
	return r;
}

int
store_thread_get(
    struct store *st, int64_t thread, int64_t member, struct store_thread **out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " THREAD_COLUMNS ", " STORE_SQL_UNREAD THREAD_FROM
	         " WHERE t.id = ?2")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_int64(stmt, 2, thread);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		thread_from_row(stmt, *out, &member);
	} else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "thread get");
	sqlite3_finalize(stmt);
	return r;
}

/* clang-format off */
#define POST_COLUMNS \
	"p.id, p.thread_id, " STORE_SQL_AUTHOR("m") ", p.created, p.body," \
	" p.hidden_reason"

#define POST_FROM \
	" FROM posts p LEFT JOIN members m ON m.id = p.author_id" \
	" WHERE p.thread_id = ?1"

/* A page forward from after the post ?2, or back from before it. */
#define POSTS_FORWARD \
	"SELECT " POST_COLUMNS POST_FROM " AND p.id > ?2" \
	" ORDER BY p.id LIMIT ?3"
#define POSTS_BACK \
	"SELECT * FROM (SELECT " POST_COLUMNS POST_FROM " AND p.id < ?2" \
	" ORDER BY p.id DESC LIMIT ?3) ORDER BY 1"
/* clang-format on */

/* A post of a page; hidden stays NULL for a post that is shown. */
static void
post_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_post *e = elem;

	(void)arg;
	e->id = sqlite3_column_int64(stmt, 0);
	e->thread_id = sqlite3_column_int64(stmt, 1);
	e->author = store_column_text(stmt, 2);
	e->created = sqlite3_column_int64(stmt, 3);
	e->body = store_column_text(stmt, 4);
	e->hidden = sqlite3_column_type(stmt, 5) == SQLITE_NULL
	                ? NULL
	                : store_column_text(stmt, 5);
}

STORE_ROW_TYPE(post_rows, "posts page", struct store_post, post_from_row,
    store_posts_free);

int
store_posts_page(struct store *st, int64_t thread, int64_t after,
    int64_t before, int limit, struct store_post **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt,
	         before > 0 ? POSTS_BACK : POSTS_FORWARD)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, thread);
	sqlite3_bind_int64(stmt, 2, before > 0 ? before : after);
	sqlite3_bind_int(stmt, 3, store_limit(limit));
	r = store_rows(st, stmt, &post_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

/* clang-format off */
/* (It cannot lay out strings spliced with macros.) */
#define THREAD_JSON_SQL							\
	"SELECT json_object('id', t.id, 'board', b.name, 'title',"	\
	" t.title, 'author', " STORE_SQL_AUTHOR("m") ", 'created', "	\
	STORE_SQL_TIME("t.created") ", 'locked', "			\
	STORE_SQL_BOOL("t.locked") ", 'sticky', "			\
	STORE_SQL_BOOL("t.sticky") ", 'posts', (SELECT"			\
	" json_group_array(json_object('id', id, 'author', author,"	\
	" 'created', " STORE_SQL_TIME("created") ", 'body', CASE WHEN"	\
	" hidden IS NULL THEN body END, 'hidden', hidden)) FROM"	\
	" (SELECT p.id AS id, " STORE_SQL_AUTHOR("pm") " AS author,"	\
	" p.created AS created, p.body AS body, p.hidden_reason AS"	\
	" hidden FROM posts p LEFT JOIN members pm ON pm.id ="		\
	" p.author_id WHERE p.thread_id = t.id ORDER BY p.id)))"	\
	" FROM threads t JOIN boards b ON b.id = t.board_id"		\
	" LEFT JOIN members m ON m.id = t.author_id WHERE t.id = ?"
/* clang-format on */

int
store_thread_json(struct store *st, int64_t thread, char **out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt, THREAD_JSON_SQL)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, thread);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "thread json");
	sqlite3_finalize(stmt);
	return r;
}
