/* bbs: ISC licence, see LICENSE. */
/*
 * Full-text search over the FTS5 index of titles and bodies. A member's
 * query never reaches FTS5 as syntax: each word becomes a quoted string
 * (quotes doubled), and the words are ANDed. Hidden posts are not found.
 */
#include <string.h>

#include "store/store-int.h"
#include "util/buf.h"

/* The FTS5 query for the words of q; NULL if q has none. */
static char *
search_query(const char *q)
{
	struct buf b;
	const char *p = q;
	size_t len;

	buf_init(&b);
	for (;;) {
		p += strspn(p, " \t\r\n");
		if ((len = strcspn(p, " \t\r\n")) == 0)
			break;
		buf_add(&b, b.len > 0 ? " \"" : "\"", b.len > 0 ? 2 : 1);
		for (; len > 0; len--, p++) {
			if (*p == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *p);
		}
		buf_addc(&b, '"');
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

#define SEARCH_SELECT                                                          \
	"SELECT p.id AS post, t.id AS thread, b.name AS board,"                \
	" t.title AS title, " STORE_SQL_AUTHOR(                                \
	    "m") " AS author,"                                                 \
	         " p.created AS created,"                                      \
	         " snippet(posts_fts, -1, '', '', '...', 12) AS snippet"       \
	         " FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid"      \
	         " JOIN threads t ON t.id = p.thread_id"                       \
	         " JOIN boards b ON b.id = t.board_id"                         \
	         " LEFT JOIN members m ON m.id = p.author_id"                  \
	         " WHERE posts_fts MATCH ?1 AND p.hidden_reason IS NULL"       \
	         " ORDER BY posts_fts.rank LIMIT ?2"

/* Prepares sql (a search) with the query built from q bound. */
static int
search_prepare(struct store *st, const char *sql, const char *q, int limit,
    sqlite3_stmt **stmt)
{
	char *fq;
	int r;

	if ((fq = search_query(q)) == NULL)
		return STORE_ERR_USAGE;
	if ((r = store_prepare(st, stmt, sql)) != STORE_OK) {
		free(fq);
		return r;
	}
	sqlite3_bind_text(*stmt, 1, fq, -1, free);
	sqlite3_bind_int(*stmt, 2, store_limit(limit));
	return STORE_OK;
}

void
store_hits_free(struct store_hit *h, size_t n)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(h[i].board);
		free(h[i].title);
		free(h[i].author);
		free(h[i].snippet);
	}
	free(h);
}

static void
hit_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_hit *e = elem;

	(void)arg;
	e->post = sqlite3_column_int64(stmt, 0);
	e->thread = sqlite3_column_int64(stmt, 1);
	e->board = store_column_text(stmt, 2);
	e->title = store_column_text(stmt, 3);
	e->author = store_column_text(stmt, 4);
	e->created = sqlite3_column_int64(stmt, 5);
	e->snippet = store_column_text(stmt, 6);
}

STORE_ROW_TYPE(
    hit_rows, "search", struct store_hit, hit_from_row, store_hits_free);

int
store_search(struct store *st, const char *query, int limit,
    struct store_hit **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = search_prepare(st, SEARCH_SELECT, query, limit, &stmt)) != 0)
		return r;
	r = store_rows(st, stmt, &hit_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_search_json(struct store *st, const char *query, int limit, char **out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = NULL;
	if ((r = search_prepare(st,
	         "SELECT json_group_array(json_object('post', post, 'thread',"
	         " thread, 'board', board, 'title', title, 'author', author,"
	         " 'created', " STORE_SQL_TIME(
	             "created") ", 'snippet', snippet))"
	                        " FROM (" SEARCH_SELECT ")",
	         query, limit, &stmt)) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else
		r = store_sqlite_err(st, "search json");
	sqlite3_finalize(stmt);
	return r;
}
