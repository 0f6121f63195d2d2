/* bbs: ISC licence, see LICENSE. */
/*
 * Flags: a member asks the sysops to look at a post, with a reason. Who
 * flagged is not recorded (SPEC section 9): the table holds the post, the
 * reason and the hour. A flag is closed by acting on the post (hiding it)
 * or by dismissing it; both are on the moderation log.
 */
#include "store/store-int.h"

#define FLAG_OPEN_MAX 20 /* open flags one post may hold */

void
store_flags_free(struct store_flag *f, size_t n)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < n; i++)
		free(f[i].reason);
	free(f);
}

/*
 * Flags are not rate limited per member: that would need a record of who
 * flagged when. A post takes at most FLAG_OPEN_MAX open flags instead.
 */
static int
flag_room(struct store *st, int64_t post, char **cause)
{
	sqlite3_stmt *stmt;
	int r, n = 0;

	if ((r = store_prepare(st, &stmt,
	         "SELECT count(*) FROM flags WHERE post_id = ? AND NOT "
	         "closed")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, post);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	else
		r = store_sqlite_err(st, "flag count");
	sqlite3_finalize(stmt);
	if (r == STORE_OK && n >= FLAG_OPEN_MAX) {
		store_cause(cause,
		    "post %lld has %d open flags already; the sysops will see it",
		    (long long)post, n);
		r = STORE_ERR_RATE;
	}
	return r;
}

/* clang-format off */
#define FLAG_INSERT \
	"INSERT INTO flags (id, post_id, reason, created)" \
	" SELECT " STORE_SQL_NEXT_ID("flags") ", id, ?, ?" \
	" FROM posts WHERE id = ?"
/* clang-format on */

int
store_flag_add(struct store *st, int64_t member, int64_t post,
    const char *reason, int64_t *id, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	char *why = NULL;
	int r, rc;

	(void)member; /* deliberately not recorded */
	if ((r = store_reason_normalise(reason, 1, &why, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = flag_room(st, post, cause)) != STORE_OK ||
	    (r = store_prepare(st, &stmt, FLAG_INSERT)) != STORE_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, why, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, store_now(st));
	sqlite3_bind_int64(stmt, 3, post);
	if ((rc = sqlite3_step(stmt)) != SQLITE_DONE)
		r = store_sqlite_err(st, "flag");
	else if (sqlite3_changes(st->db) == 0) {
		store_cause(cause, "no post %lld", (long long)post);
		r = STORE_ERR_NOT_FOUND;
	} else
		*id = sqlite3_last_insert_rowid(st->db);
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	sqlite3_finalize(stmt);
	free(why);
	return r;
}

#define FLAGS_SQL                                                              \
	"SELECT f.id, f.post_id, p.thread_id, f.reason, f.created"             \
	" FROM flags f JOIN posts p ON p.id = f.post_id"                       \
	" WHERE NOT f.closed ORDER BY f.id"

static void
flag_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_flag *e = elem;

	(void)arg;
	e->id = sqlite3_column_int64(stmt, 0);
	e->post = sqlite3_column_int64(stmt, 1);
	e->thread = sqlite3_column_int64(stmt, 2);
	e->reason = store_column_text(stmt, 3);
	e->created = sqlite3_column_int64(stmt, 4);
}

STORE_ROW_TYPE(
    flag_rows, "flags", struct store_flag, flag_from_row, store_flags_free);

int
store_flags_list(struct store *st, struct store_flag **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt, FLAGS_SQL)) != STORE_OK)
		return r;
	r = store_rows(st, stmt, &flag_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_flags_json(struct store *st, char **out)
{
	return store_json_query(st,
	    "SELECT json_group_array(json_object('id', id, 'post', post,"
	    " 'thread', thread, 'reason', reason, 'created', " STORE_SQL_TIME(
	        "created") ")) FROM (SELECT f.id AS id, f.post_id"
	                   " AS post, p.thread_id AS thread, f.reason AS "
	                   "reason, f.created AS"
	                   " created FROM flags f JOIN posts p ON p.id = "
	                   "f.post_id"
	                   " WHERE NOT f.closed ORDER BY f.id)",
	    out, "");
}

int
store_flag_dismiss(struct store *st, const struct store_actor *a, int64_t flag,
    const char *reason, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	char *why = NULL, target[32];
	int r, rc, changed = 0;

	if ((r = store_reason_normalise(reason, 0, &why, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_actor_check(st, a, cause)) != STORE_OK ||
	    (r = store_prepare(st, &stmt,
	         "UPDATE flags SET closed = 1 WHERE id = ? AND NOT closed")) !=
	        STORE_OK)
		goto out;
	sqlite3_bind_int64(stmt, 1, flag);
	if ((rc = sqlite3_step(stmt)) != SQLITE_DONE)
		r = store_sqlite_err(st, "flag dismiss");
	else if ((changed = sqlite3_changes(st->db)) == 0) {
		store_cause(cause, "no open flag %lld", (long long)flag);
		r = STORE_ERR_NOT_FOUND;
	}
	snprintf(target, sizeof target, "flag %lld", (long long)flag);
	if (r == STORE_OK)
		r = store_modlog_append(
		    st, a->name, "flag-dismiss", target, why);
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	sqlite3_finalize(stmt);
	free(why);
	return r;
}
