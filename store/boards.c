/* bbs: ISC licence, see LICENSE. */
/*
 * Boards: the named places threads live in, and who may post to each.
 * Creating and editing one are sysop acts, logged in their transaction.
 */
#include <string.h>

#include "store/store-int.h"
#include "util/buf.h"

#define BOARD_TITLE_MAX 80

#define BOARD_COLUMNS                                                          \
	"b.id, b.name, b.title, b.post_role,"                                  \
	" (SELECT count(*) FROM threads t WHERE t.board_id = b.id)"            \
	" AS threads, b.public"

static void
board_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_board *b = elem;
	enum store_role role = STORE_ROLE_MEMBER;

	(void)arg;
	b->id = sqlite3_column_int64(stmt, 0);
	b->name = store_column_text(stmt, 1);
	b->title = store_column_text(stmt, 2);
	store_role_parse((const char *)sqlite3_column_text(stmt, 3), &role);
	b->post_role = role;
	b->threads = sqlite3_column_int64(stmt, 4);
	b->public = sqlite3_column_int(stmt, 5);
}

void
store_board_free(struct store_board *b)
{
	if (b == NULL)
		return;
	free(b->name);
	free(b->title);
	free(b);
}

void
store_boards_free(struct store_board *b, size_t n)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(b[i].name);
		free(b[i].title);
	}
	free(b);
}

int
store_board_get(struct store *st, const char *name, struct store_board **out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " BOARD_COLUMNS " FROM boards b WHERE b.name = ?")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		board_from_row(stmt, *out, NULL);
	} else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "board get");
	sqlite3_finalize(stmt);
	return r;
}

STORE_ROW_TYPE(board_rows, "boards list", struct store_board, board_from_row,
    store_boards_free);

int
store_boards_list(struct store *st, struct store_board **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " BOARD_COLUMNS " FROM boards b ORDER BY b.name")) !=
	    STORE_OK)
		return r;
	r = store_rows(st, stmt, &board_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

/* clang-format off */
int
store_boards_json(struct store *st, char **out)
{
	return store_json_query(st,
	    "SELECT json_group_array(json_object('name', name, 'title', title,"
	    " 'threads', threads, 'post_role', post_role,"
	    " 'public', " STORE_SQL_BOOL("public") "))"
	    " FROM (SELECT " BOARD_COLUMNS " FROM boards b ORDER BY b.name)",
	    out, "");
}
/* clang-format on */

int
store_board_create(struct store *st, const struct store_actor *a,
    const char *name, const char *title, enum store_role post_role,
    char **cause)
{
	const struct store_board_new nb = { name, title, post_role, 0 };

	return store_board_add(st, a, &nb, cause);
}

int
store_board_add(struct store *st, const struct store_actor *a,
    const struct store_board_new *nb, char **cause)
{
	const char *name = nb->name, *title = nb->title;
	enum store_role post_role = nb->post_role;
	sqlite3_stmt *stmt = NULL;
	char *t = NULL;
	int r, rc;

	if ((r = store_board_name_check(name, cause)) != STORE_OK)
		return r;
	if (post_role == STORE_ROLE_BOT || post_role == STORE_ROLE_APPLICANT) {
		store_cause(cause, "who may post is member or sysop");
		return STORE_ERR_USAGE;
	}
	if ((r = store_text_line(title == NULL ? "" : title, BOARD_TITLE_MAX, 1,
	         "the title", &t, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	/* Roles change while sessions run: the actor's, checked now. */
	if ((r = store_actor_check(st, a, cause)) != STORE_OK ||
	    (r = store_prepare(st, &stmt,
	         "INSERT INTO boards (name, title, post_role, created, public)"
	         " VALUES (?, ?, ?, ?, ?)")) != STORE_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, t, -1, SQLITE_STATIC);
	sqlite3_bind_text(
	    stmt, 3, store_role_name(post_role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, store_now(st));
	sqlite3_bind_int(stmt, 5, nb->public != 0);
	if ((rc = sqlite3_step(stmt)) == SQLITE_DONE)
		r = store_modlog_append(st, a->name, "board-create", name,
		    nb->public ? "public" : NULL);
	else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		store_cause(cause, "board '%s' exists", name);
		r = STORE_ERR_EXISTS;
	} else
		r = store_sqlite_err(st, "board create");
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	sqlite3_finalize(stmt);
	free(t);
	return r;
}

/* Sets one column of board id to text, or to num when text is NULL. */
static int
board_update(struct store *st, const char *sql, const char *text, int64_t num,
    int64_t id)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (text != NULL)
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 1, num);
	sqlite3_bind_int64(stmt, 2, id);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "board edit");
	sqlite3_finalize(stmt);
	return r;
}

int
store_board_edit(struct store *st, const struct store_actor *a,
    const char *name, const char *title, int post_role, char **cause)
{
	const struct store_board_changes c = { title, post_role, -1 };

	return store_board_change(st, a, name, &c, cause);
}

/* The changes c makes to b, each written and named in *what. */
static int
board_apply(struct store *st, const struct store_board *b,
    const struct store_board_changes *c, const char *t, struct buf *what)
{
	const char *role;
	int r = STORE_OK;

	if (t != NULL && strcmp(t, b->title) != 0) {
		buf_printf(what, "title: %s", t);
		r = board_update(st, "UPDATE boards SET title = ? WHERE id = ?",
		    t, 0, b->id);
	}
	if (r == STORE_OK && c->post_role >= 0 &&
	    (enum store_role)c->post_role != b->post_role) {
		role = store_role_name((enum store_role)c->post_role);
		buf_printf(
		    what, "%spost-role: %s", what->len ? "; " : "", role);
		r = board_update(st,
		    "UPDATE boards SET post_role = ? WHERE id = ?", role, 0,
		    b->id);
	}
	if (r == STORE_OK && c->public >= 0 && (c->public != 0) != b->public) {
		buf_printf(what, "%spublic: %s", what->len ? "; " : "",
		    c->public ? "yes" : "no");
		r = board_update(st,
		    "UPDATE boards SET public = ? WHERE id = ?", NULL,
		    c->public != 0, b->id);
	}
	return r;
}

int
store_board_change(struct store *st, const struct store_actor *a,
    const char *name, const struct store_board_changes *c, char **cause)
{
	struct store_board *b = NULL;
	struct buf what;
	char *t = NULL;
	int r;

	if (c->post_role == STORE_ROLE_BOT ||
	    c->post_role == STORE_ROLE_APPLICANT) {
		store_cause(cause, "who may post is member or sysop");
		return STORE_ERR_USAGE;
	}
	if (c->title != NULL && (r = store_text_line(c->title, BOARD_TITLE_MAX,
	                             1, "the title", &t, cause)) != STORE_OK)
		return r;
	buf_init(&what);
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_actor_check(st, a, cause)) != STORE_OK ||
	    (r = store_board_get(st, name, &b)) != STORE_OK) {
		if (r == STORE_ERR_NOT_FOUND)
			store_cause(cause, "no board '%s'", name);
		goto out;
	}
	r = board_apply(st, b, c, t, &what);
	if (r == STORE_OK && what.len > 0)
		r = store_modlog_append(
		    st, a->name, "board-edit", b->name, what.data);
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	store_board_free(b);
	buf_free(&what);
	free(t);
	return r;
}
