/* bbs: ISC licence, see LICENSE. */
/*
 * Public-only mode for guests. Rather than a condition in every query,
 * the guest's connection gets TEMP views named like the tables they
 * filter: SQLite resolves an unqualified name in the temp schema before
 * main, so every query the store has (and any it gains) reads boards,
 * threads, posts and modlog through them and sees the public boards
 * only. The views read main.* explicitly, and the triggers of main never
 * see them. PRAGMA query_only then refuses every write on the
 * connection, so nothing is written for a guest even by a path nobody
 * thought of; store_join() lifts it for its one transaction.
 */
#include "store/guest.h"
#include "store/store-int.h"

/* clang-format off */
static const char guest_views[] =
	"CREATE TEMP VIEW IF NOT EXISTS boards AS"
	"  SELECT * FROM main.boards WHERE public;"
	"CREATE TEMP VIEW IF NOT EXISTS threads AS"
	"  SELECT * FROM main.threads WHERE board_id IN"
	"    (SELECT id FROM main.boards WHERE public);"
	"CREATE TEMP VIEW IF NOT EXISTS posts AS"
	"  SELECT * FROM main.posts WHERE thread_id IN"
	"    (SELECT t.id FROM main.threads t JOIN main.boards b"
	"      ON b.id = t.board_id WHERE b.public);"
	/*
	 * The log names posts and threads as "post ID" and "thread ID",
	 * boards by name (store/moderation.c); acts on members and keys
	 * name people, and a guest sees none of them.
	 */
	"CREATE TEMP VIEW IF NOT EXISTS modlog AS"
	"  SELECT * FROM main.modlog m WHERE"
	"  (m.target GLOB 'post [1-9]*' AND CAST(substr(m.target, 6)"
	"    AS INTEGER) IN (SELECT p.id FROM main.posts p"
	"    JOIN main.threads t ON t.id = p.thread_id"
	"    JOIN main.boards b ON b.id = t.board_id WHERE b.public))"
	"  OR (m.target GLOB 'thread [1-9]*' AND CAST(substr(m.target, 8)"
	"    AS INTEGER) IN (SELECT t.id FROM main.threads t"
	"    JOIN main.boards b ON b.id = t.board_id WHERE b.public))"
	"  OR (m.act IN ('board-create', 'board-edit') AND m.target IN"
	"    (SELECT name FROM main.boards WHERE public));"
	"PRAGMA query_only = 1;";
/* clang-format on */

int
store_set_guest(struct store *st)
{
	if (sqlite3_exec(st->db, guest_views, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlite_err(st, "guest views");
	return STORE_OK;
}

int
store_is_guest(struct store *st)
{
	sqlite3_stmt *stmt;
	int guest = 0;

	if (store_prepare(st, &stmt,
	        "SELECT 1 FROM temp.sqlite_master WHERE name = 'boards'") ==
	    STORE_OK) {
		guest = sqlite3_step(stmt) == SQLITE_ROW;
		sqlite3_finalize(stmt);
	}
	return guest;
}
