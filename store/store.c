/* bbs: ISC licence, see LICENSE. */
/*
 * Opening and closing the database, the helpers every store file uses,
 * time, integrity check and online backup.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store-int.h"

#define STORE_BUSY_MS 5000

const char *
store_strerror(int r)
{
	switch (r) {
	case STORE_OK:
		return "success";
	case STORE_ERR_BUSY:
		return "database busy";
	case STORE_ERR_NOT_FOUND:
		return "not found";
	case STORE_ERR_EXISTS:
		return "already exists";
	case STORE_ERR_INVALID:
		return "invalid input";
	case STORE_ERR_PERM:
		return "not allowed";
	case STORE_ERR_RATE:
		return "rate limited";
	case STORE_ERR_CORRUPT:
		return "damaged";
	case STORE_ERR_USAGE:
		return "bad request";
	case STORE_ERR_REVOKED:
		return "this key has been revoked";
	default:
		return "internal error";
	}
}

static const char *const role_names[] = { "member", "sysop", "bot",
	"applicant" };

const char *
store_role_name(enum store_role role)
{
	if ((unsigned)role >= sizeof role_names / sizeof role_names[0])
		return "member";
	return role_names[role];
}

int
store_role_parse(const char *name, enum store_role *out)
{
	size_t i;

	for (i = 0; i < sizeof role_names / sizeof role_names[0]; i++) {
		if (strcmp(name, role_names[i]) == 0) {
			*out = (enum store_role)i;
			return 0;
		}
	}
	return -1;
}

void
store_cause(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause == NULL)
		return;
	free(*cause);
	va_start(ap, fmt);
	if (vasprintf(cause, fmt, ap) < 0)
		fatalx("store_cause: out of memory");
	va_end(ap);
}

int
store_sqlite_err(struct store *st, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff;

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return STORE_ERR_BUSY;
	log_error("store: %s: %s", what, sqlite3_errmsg(st->db));
	return STORE_ERR_INTERNAL;
}

int
store_prepare(struct store *st, sqlite3_stmt **stmt, const char *sql)
{
	*stmt = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return store_sqlite_err(st, "prepare");
	return STORE_OK;
}

static int
store_exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlite_err(st, sql);
	return STORE_OK;
}

void
store_set_login(struct store *st, int64_t key_row)
{
	st->login_key = key_row;
}

/*
 * Inside the write transaction: is the session's key still good, and its
 * member no applicant (who writes nothing until admitted)?
 */
static int
store_login_check(struct store *st)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt,
	         "SELECT m.role = 'applicant' FROM keys k JOIN members m"
	         " ON m.id = k.member_id WHERE k.id = ? AND NOT k.revoked")) !=
	    0)
		return r;
	sqlite3_bind_int64(stmt, 1, st->login_key);
	if ((rc = sqlite3_step(stmt)) == SQLITE_DONE)
		r = STORE_ERR_REVOKED;
	else if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 0))
		r = STORE_ERR_PERM;
	else if (rc != SQLITE_ROW)
		r = store_sqlite_err(st, "login check");
	sqlite3_finalize(stmt);
	return r;
}

int
store_begin(struct store *st)
{
	int r;

	if ((r = store_exec(st, "BEGIN IMMEDIATE")) == STORE_OK &&
	    st->login_key != 0 && (r = store_login_check(st)) != STORE_OK)
		store_rollback(st);
	return r;
}

int
store_commit(struct store *st)
{
	int r;

	if ((r = store_exec(st, "COMMIT")) != STORE_OK)
		store_rollback(st);
	return r;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s == NULL ? "" : (const char *)s);
}

int
store_rows(struct store *st, sqlite3_stmt *stmt, const struct store_row_type *t,
    const void *arg, void **out, size_t *n)
{
	char *rows = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			rows = xreallocarray(rows, cap, t->size);
		}
		memset(rows + len * t->size, 0, t->size);
		t->from_row(stmt, rows + len * t->size, arg);
		len++;
	}
	if (rc != SQLITE_DONE) {
		t->free_rows(rows, len);
		return store_sqlite_err(st, t->what);
	}
	*out = rows;
	*n = len;
	return STORE_OK;
}

int
store_int_query(struct store *st, const char *sql, int64_t *out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = 0;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		r = store_sqlite_err(st, "count");
	sqlite3_finalize(stmt);
	return r;
}

int
store_json_query(struct store *st, const char *sql, char **out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = NULL;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else
		r = store_sqlite_err(st, "json query");
	sqlite3_finalize(stmt);
	return r;
}

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
store_data_version(struct store *st, int64_t *out)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, "PRAGMA data_version")) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		r = store_sqlite_err(st, "data_version");
	sqlite3_finalize(stmt);
	return r;
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

int64_t
store_clock(struct store *st)
{
	return st->clock != 0 ? st->clock : (int64_t)time(NULL);
}

int64_t
store_now(struct store *st)
{
	int64_t t = store_clock(st);
	int64_t prec = store_setting(st, "time_precision");

	return t - t % prec;
}

void
store_set_clock(struct store *st, int64_t t)
{
	st->clock = t;
}

void
store_time_format(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, 21, "1970-01-01T00:00:00Z");
}
