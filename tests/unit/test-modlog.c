/* bbs: ISC licence, see LICENSE. */
/*
 * The moderation log's chain: it verifies when untouched, and a changed,
 * deleted, reordered or re-signed entry is found at the right id.
 */
#include <sqlite3.h>

#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

/* A store with four logged acts (board creations). */
static void
four_entries(struct fixture *f)
{
	fixture_open(f);
	fixture_board(f, "b1");
	fixture_board(f, "b2");
	fixture_board(f, "b3");
	fixture_board(f, "b4");
}

/* Tampers behind the store's back: the triggers must be dropped first. */
static void
tamper(const char *db, const char *sql)
{
	sqlite3 *h;
	char *err = NULL;

	if (sqlite3_open(db, &h) != SQLITE_OK ||
	    sqlite3_exec(h,
	        "DROP TRIGGER modlog_no_update; DROP TRIGGER modlog_no_delete;",
	        NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(h, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "tamper: %s\n", err ? err : "open");
		exit(2);
	}
	sqlite3_close(h);
}

/* Verifies and expects the first bad entry to be want (0: sound). */
static void
expect_bad(struct fixture *f, int64_t want, const char *what)
{
	int64_t entries = -1, bad = -1;
	char *cause = NULL;
	int r = store_modlog_verify(f->st, &entries, &bad, &cause);

	if (want == 0) {
		ASSERT_INT_EQ(r, STORE_OK);
		ASSERT_INT_EQ(entries, 4);
	} else {
		ASSERT_INT_EQ(r, STORE_ERR_CORRUPT);
		ASSERT_INT_EQ(bad, want);
		ASSERT_TRUE(cause != NULL && strstr(cause, what) != NULL);
	}
	free(cause);
}

int
main(void)
{
	struct fixture f;
	sqlite3 *h;

	TEST_START("modlog: an untouched log verifies");
	four_entries(&f);
	expect_bad(&f, 0, NULL);
	TEST_DONE();

	TEST_START("modlog: UPDATE and DELETE are refused by triggers");
	ASSERT_INT_EQ(sqlite3_open(f.db, &h), SQLITE_OK);
	ASSERT_INT_NE(
	    sqlite3_exec(h, "UPDATE modlog SET reason = 'x'", NULL, NULL, NULL),
	    SQLITE_OK);
	ASSERT_INT_NE(
	    sqlite3_exec(h, "DELETE FROM modlog", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	expect_bad(&f, 0, NULL);
	fixture_close(&f);
	TEST_DONE();

	TEST_START("modlog: a changed entry is found");
	four_entries(&f);
	tamper(f.db, "UPDATE modlog SET target = 'other' WHERE id = 2");
	expect_bad(&f, 2, "do not match its hash");
	fixture_close(&f);
	TEST_DONE();

	TEST_START("modlog: a deleted entry is found at the next one");
	four_entries(&f);
	tamper(f.db, "DELETE FROM modlog WHERE id = 2");
	expect_bad(&f, 3, "does not follow");
	fixture_close(&f);
	TEST_DONE();

	TEST_START("modlog: a reordered pair is found");
	four_entries(&f);
	tamper(f.db, "UPDATE modlog SET id = -2 WHERE id = 2;"
	             "UPDATE modlog SET id = 2 WHERE id = 3;"
	             "UPDATE modlog SET id = 3 WHERE id = -2;");
	expect_bad(&f, 2, "does not follow");
	fixture_close(&f);
	TEST_DONE();

	TEST_START("modlog: a forged signature is found");
	four_entries(&f);
	tamper(f.db, "UPDATE modlog SET sig = zeroblob(64) WHERE id = 4");
	expect_bad(&f, 4, "signature");
	fixture_close(&f);
	TEST_DONE();
	return test_exit();
}
