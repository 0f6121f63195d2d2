/* bbs: ISC licence, see LICENSE. */
/*
 * The top of the store: opening a database (its pragmas, the SQL
 * functions the schema needs, the migrations), closing it, the integrity
 * check and the online backup. It may call every other file of store/;
 * none calls it, so the files below it form no circle (store.c is the
 * base they all use).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "store/store-int.h"

#define STORE_BUSY_MS 5000

/*
 * Every bbs process is single-threaded and nobody reads SQLite's memory
 * statistics, so SQLite need not take a mutex around each of the two
 * thousand allocations of parsing the schema at every open. Set once,
 * before SQLite initialises, in the first process to open a store (the
 * listener, before it forks); later calls are refused by SQLite and
 * harmless.
 */
static void
store_configure(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
store_open(const char *path, struct store **out, char **cause)
{
	static const char *pragmas = "PRAGMA foreign_keys = ON;"
	                             "PRAGMA synchronous = NORMAL;"
	                             "PRAGMA secure_delete = ON;";
	struct store *st;
	int r = STORE_ERR_INTERNAL;

	*out = NULL;
	store_configure();
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db,
	        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	            SQLITE_OPEN_NOFOLLOW,
	        NULL) != SQLITE_OK) {
		store_cause(cause, "cannot open %s: %s", path,
		    st->db == NULL ? "out of memory" : sqlite3_errmsg(st->db));
		goto out;
	}
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(st->db, 1);
	/* WAL is persistent; asking again on an open WAL database is free. */
	if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL,
	        NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		store_cause(
		    cause, "cannot use %s: %s", path, sqlite3_errmsg(st->db));
		r = store_sqlite_err(st, "open");
		goto out;
	}
	if ((r = store_pins_sql_init(st)) != STORE_OK ||
	    (r = store_migrate(st, cause)) != STORE_OK)
		goto out;
	*out = st;
	st = NULL;
out:
	/* The handle goes: whatever went wrong travels in *cause. */
	if (st != NULL && cause != NULL && *cause == NULL && r != STORE_OK)
		store_cause(cause, "cannot open %s: %s", path,
		    st->error_set ? st->error : store_strerror(r));
	store_close(st);
	return r;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

int
store_check(struct store *st, char **cause)
{
	sqlite3_stmt *stmt;
	char *first = NULL;
	int r, rc, rows = 0;

	if ((r = store_prepare(st, &stmt, "PRAGMA integrity_check")) != 0)
		return r;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (first == NULL)
			first = store_column_text(stmt, 0);
		rows++;
	}
	if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "integrity_check");
	else if (rows != 1 || strcmp(first, "ok") != 0) {
		store_cause(cause, "%s", first == NULL ? "no answer" : first);
		r = STORE_ERR_CORRUPT;
	}
	sqlite3_finalize(stmt);
	free(first);
	if (r != STORE_OK)
		return r;
	if ((r = store_prepare(st, &stmt, "PRAGMA foreign_key_check")) != 0)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_cause(cause, "a row of %s refers to a missing row",
		    sqlite3_column_text(stmt, 0));
		r = STORE_ERR_CORRUPT;
	} else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "foreign_key_check");
	sqlite3_finalize(stmt);
	return r;
}

int
store_backup(struct store *st, const char *path, char **cause)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	int fd, rc, r = STORE_ERR_INTERNAL;

	/* Claim the name first so an existing file is never overwritten. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		store_cause(
		    cause, "cannot create %s: %s", path, strerror(errno));
		return STORE_ERR_USAGE;
	}
	close(fd);
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		store_cause(cause, "cannot open %s", path);
		goto out;
	}
	/*
	 * One step copies every page inside one read transaction: a
	 * consistent snapshot that, under WAL, never blocks writers.
	 */
	if ((bk = sqlite3_backup_init(dst, "main", st->db, "main")) == NULL) {
		store_cause(cause, "backup: %s", sqlite3_errmsg(dst));
		goto out;
	}
	rc = sqlite3_backup_step(bk, -1);
	sqlite3_backup_finish(bk);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		store_cause(cause, "backup: database busy, try again");
		r = STORE_ERR_BUSY;
	} else if (rc != SQLITE_DONE)
		store_cause(cause, "backup: %s", sqlite3_errstr(rc));
	else
		r = STORE_OK;
out:
	sqlite3_close_v2(dst);
	if (r != STORE_OK)
		unlink(path);
	return r;
}
