/* bbs: ISC licence, see LICENSE. */
/*
 * Read positions: per member and thread, the last post read. Private by
 * construction: nothing else reads this table but the member's own
 * session, no listing shows it, and forget-reads deletes it.
 */
#include "store/store-int.h"

/* Runs sql binding two or three ids; for the small writes below. */
static int
reads_exec(struct store *st, const char *sql, int64_t a, int64_t b, int64_t c,
    int nbind)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, a);
	if (nbind > 1)
		sqlite3_bind_int64(stmt, 2, b);
	if (nbind > 2)
		sqlite3_bind_int64(stmt, 3, c);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "reads");
	sqlite3_finalize(stmt);
	return r;
}

int
store_read_mark(struct store *st, int64_t member, int64_t thread, int64_t post)
{
	return reads_exec(st,
	    "INSERT INTO reads (member_id, thread_id, last_post_id)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (member_id, thread_id)"
	    " DO UPDATE SET last_post_id = max(last_post_id, "
	    "excluded.last_post_id)",
	    member, thread, post, 3);
}

int
store_reads_forget(struct store *st, int64_t member)
{
	int r;

	/* The pin board's "new since your last visit" is a read position
	 * too. */
	if ((r = reads_exec(st, "DELETE FROM reads WHERE member_id = ?", member,
	         0, 0, 1)) != STORE_OK)
		return r;
	return reads_exec(
	    st, "DELETE FROM pin_reads WHERE member_id = ?", member, 0, 0, 1);
}

int
store_board_mark_read(struct store *st, int64_t member, int64_t board)
{
	return reads_exec(st,
	    "INSERT INTO reads (member_id, thread_id, last_post_id)"
	    " SELECT ?1, t.id, t.last_post_id FROM threads t"
	    " WHERE t.board_id = ?2 ON CONFLICT (member_id, thread_id)"
	    " DO UPDATE SET last_post_id = max(last_post_id, "
	    "excluded.last_post_id)",
	    member, board, 0, 2);
}

/* One integer from a query binding two ids; 0 when there is no row. */
static int
reads_int(struct store *st, const char *sql, int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = 0;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "reads");
	sqlite3_finalize(stmt);
	return r;
}

int
store_read_position(
    struct store *st, int64_t member, int64_t thread, int64_t *post)
{
	return reads_int(st,
	    "SELECT last_post_id FROM reads WHERE member_id = ? AND"
	    " thread_id = ?",
	    member, thread, post);
}

int
store_board_unread(
    struct store *st, int64_t member, int64_t board, int64_t *count)
{
	return reads_int(st,
	    "SELECT coalesce(sum(" STORE_SQL_UNREAD "), 0) FROM threads t"
	    " LEFT JOIN reads r ON r.member_id = ?1 AND r.thread_id = t.id"
	    " WHERE t.board_id = ?2",
	    member, board, count);
}

int
store_unread_next(
    struct store *st, int64_t member, int64_t *thread, int64_t *post)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*thread = *post = 0;
	/* The oldest board with anything unread, its oldest unread post. */
	if ((r = store_prepare(st, &stmt,
	         "SELECT t.id, (SELECT min(p.id) FROM posts p"
	         "  WHERE p.thread_id = t.id"
	         "  AND p.id > coalesce(r.last_post_id, 0)) AS first"
	         " FROM threads t LEFT JOIN reads r ON r.member_id = ?1"
	         "  AND r.thread_id = t.id"
	         " WHERE t.last_post_id > coalesce(r.last_post_id, 0)"
	         " ORDER BY t.board_id, first LIMIT 1")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*thread = sqlite3_column_int64(stmt, 0);
		*post = sqlite3_column_int64(stmt, 1);
	} else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "unread next");
	sqlite3_finalize(stmt);
	return r;
}
