/* bbs: ISC licence, see LICENSE. */
/*
 * Rate limits per pseudonym over a sliding 60-second window (SPEC
 * section 6). Each process is separate, so the window lives in the
 * database: one row per post or pin, exact to the second, deleted once it
 * is older than the window: by every write, by every process that opens
 * the store, and by the lookup process once a minute, so none lasts much
 * over two minutes. These are the only exact times bbs writes
 * (secure_delete overwrites them on deletion). Flags take no row: it
 * would say who flagged.
 */
#include "store/store-int.h"

#define RATE_WINDOW 60

/* Runs sql binding the oldest time still in the window; *rows = result. */
static int
rate_run(struct store *st, const char *sql, int64_t *rows)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, store_clock(st) - RATE_WINDOW);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW && rows != NULL)
		*rows = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_sqlite_err(st, "rate prune");
	sqlite3_finalize(stmt);
	return r;
}

int
store_rate_prune(struct store *st)
{
	int64_t old = 0;
	int r;

	/*
	 * Look before deleting: a DELETE takes the write lock even when it
	 * finds nothing, and every process that opens the store prunes.
	 */
	if ((r = rate_run(st,
	         "SELECT EXISTS (SELECT 1 FROM rate_events WHERE at <= ?)",
	         &old)) != STORE_OK ||
	    old == 0)
		return r;
	return rate_run(st, "DELETE FROM rate_events WHERE at <= ?", NULL);
}

int
store_rate_take(struct store *st, int64_t member, const char *kind,
    const char *setting, char **cause)
{
	int64_t now = store_clock(st), limit = store_setting(st, setting);
	sqlite3_stmt *stmt;
	int r, count = 0;

	if ((r = store_rate_prune(st)) != STORE_OK ||
	    (r = store_prepare(st, &stmt,
	         "SELECT count(*) FROM rate_events"
	         " WHERE member_id = ? AND kind = ?")) != 0)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		count = sqlite3_column_int(stmt, 0);
	else
		r = store_sqlite_err(st, "rate count");
	sqlite3_finalize(stmt);
	if (r != STORE_OK)
		return r;
	if (count >= limit) {
		store_cause(cause,
		    "rate limited: at most %lld %ss a minute; try again shortly",
		    (long long)limit, kind);
		return STORE_ERR_RATE;
	}
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO rate_events (member_id, kind, at)"
	         " VALUES (?, ?, ?)")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, now);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "rate insert");
	sqlite3_finalize(stmt);
	return r;
}
