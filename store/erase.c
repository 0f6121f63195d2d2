/* bbs: ISC licence, see LICENSE. */
/*
 * erase-me (SPEC section 7): a member removes themselves. Deleting the
 * member row cascades to keys, read positions, votes, pending requests
 * and rate events, and sets the author of posts, threads and pins to NULL
 * ("[erased]"). With posts, their posts go first; the posts triggers keep
 * the threads' counts and the search index, and a thread left with no
 * post at all is deleted; their pins go too. The log records that a member
 * erased themselves, never which one. secure_delete overwrites what was
 * removed, and erase_traces() what the index and the WAL still hold.
 */
#include "store/store-int.h"

static int
erase_exec(struct store *st, const char *sql, int64_t member)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (sqlite3_bind_parameter_count(stmt) > 0)
		sqlite3_bind_int64(stmt, 1, member);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "erase");
	sqlite3_finalize(stmt);
	return r;
}

/*
 * Deleted rows are overwritten (secure_delete), but two copies of the
 * text outlive them: the search index keeps deleted terms in its segments
 * until they are merged, and the WAL keeps old page images until a
 * checkpoint. Merge the index and checkpoint now. Best effort: a reader
 * holding the WAL delays the truncation to a later checkpoint. A failure
 * is recorded for store_error_take(); the erase stands.
 */
static void
erase_traces(struct store *st)
{
	if (sqlite3_exec(st->db,
	        "INSERT INTO posts_fts (posts_fts) VALUES ('optimize');"
	        "PRAGMA wal_checkpoint(TRUNCATE);",
	        NULL, NULL, NULL) != SQLITE_OK)
		store_error_set(st,
		    "erase: the search index or the WAL keeps traces: %s",
		    sqlite3_errmsg(st->db));
}

int
store_member_erase(
    struct store *st, int64_t member, int with_posts, char **cause)
{
	static const char *const posts[] = {
		"DELETE FROM posts WHERE author_id = ?",
		"DELETE FROM threads WHERE posts = 0",
		"DELETE FROM pins WHERE author_id = ?",
	};
	struct store_member *m = NULL;
	size_t i;
	int r;

	if ((r = store_begin(st)) != STORE_OK)
		return r;
	if ((r = store_member_get_id(st, member, &m)) != STORE_OK) {
		if (r == STORE_ERR_NOT_FOUND)
			store_cause(cause, "no such member");
		goto out;
	}
	for (i = 0; with_posts && r == STORE_OK && i < 3; i++)
		r = erase_exec(st, posts[i], member);
	/* The rest cascades; the votes' trigger keeps each pin's score. */
	if (r == STORE_OK)
		r = erase_exec(st, "DELETE FROM members WHERE id = ?", member);
	if (r == STORE_OK)
		r = store_modlog_append(st, STORE_ACTOR_ANONYMOUS, "erase-me",
		    with_posts ? "a member and their posts" : "a member", NULL);
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	else if (with_posts)
		erase_traces(st);
	store_member_free(m);
	return r;
}
