/* bbs: ISC licence, see LICENSE. */
/*
 * store/: schema and migrations, members and keys, boards, content rules,
 * threads and posts, read positions, search, backup and check. Every case
 * runs against a real SQLite file in its own temp dir.
 */
#include <sqlite3.h>
#include <unistd.h>

#include "store/store-int.h" /* store_migrate_to(), for an old file */
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

static void
test_migrate(void)
{
	struct fixture f;
	struct store *st2 = NULL;
	char *cause = NULL;

	TEST_START("store: an empty file migrates to the current schema");
	fixture_open(&f);
	ASSERT_INT_EQ(
	    raw_int(f.db, "PRAGMA user_version"), store_schema_version());
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM sqlite_master WHERE"
	                            " name IN ('members', 'keys', 'boards',"
	                            " 'threads', 'posts', 'posts_fts', 'pins',"
	                            " 'modlog', 'reads', 'flags', 'pending')"),
	    11);
	ASSERT_INT_EQ(raw_int(f.db, "PRAGMA journal_mode = WAL") >= 0, 1);
	/* Opening again is a no-op. */
	ASSERT_INT_EQ(store_open(f.db, &st2, &cause), STORE_OK);
	store_close(st2);
	st2 = NULL;
	TEST_DONE();

	TEST_START("store: a newer schema is refused, not damaged");
	ASSERT_INT_EQ(raw_sql(f.db, "PRAGMA user_version = 999"), 0);
	ASSERT_INT_EQ(store_open(f.db, &st2, &cause), STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "newer") != NULL);
	free(cause);
	ASSERT_INT_EQ(raw_int(f.db, "PRAGMA user_version"), 999);
	TEST_DONE();
	fixture_close(&f);
}

/* A database file left at schema version 1, with a thread of 3 posts. */
static void
make_version1(const char *path)
{
	struct store old = { 0 };
	char *cause = NULL;

	ASSERT_INT_EQ(sqlite3_open(path, &old.db), SQLITE_OK);
	old.path = (char *)path;
	ASSERT_INT_EQ(store_pins_sql_init(&old), STORE_OK);
	ASSERT_INT_EQ(store_migrate_to(&old, 1, &cause), STORE_OK);
	ASSERT_INT_EQ(
	    raw_sql(path, "INSERT INTO members (pseudonym, role, created)"
	                  " VALUES ('alice', 'member', 0);"
	                  "INSERT INTO boards (name, title, created)"
	                  " VALUES ('general', '', 0);"
	                  "INSERT INTO threads (board_id, title, author_id,"
	                  " created) VALUES (1, 'old', 1, 0);"
	                  "INSERT INTO posts (thread_id, author_id, body,"
	                  " created) VALUES (1, 1, 'a', 0), (1, 1, 'b', 0),"
	                  " (1, 1, 'c', 0)"),
	    0);
	sqlite3_close(old.db);
}

static void
test_migrate_v2(void)
{
	struct store_thread *list = NULL;
	struct store *st = NULL;
	char dir[] = "/tmp/bbs-test-XXXXXX", path[64];
	char *cause = NULL;
	size_t n = 0;

	TEST_START("store: version 1 migrates to 2 with its threads intact");
	ASSERT_TRUE(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/bbs.db", dir);
	make_version1(path);
	ASSERT_INT_EQ(raw_int(path, "PRAGMA user_version"), 1);
	ASSERT_INT_EQ(store_open(path, &st, &cause), STORE_OK);
	ASSERT_INT_EQ(
	    raw_int(path, "PRAGMA user_version"), store_schema_version());
	ASSERT_INT_EQ(raw_int(path, "SELECT first_post_id FROM threads"), 1);
	ASSERT_INT_EQ(
	    store_threads_list(st, "general", 0, 10, &list, &n), STORE_OK);
	ASSERT_INT_EQ(n == 1 ? list[0].replies : -1, 2);
	store_threads_free(list, n);
	/* The newest post deleted: its id is not handed out again. */
	ASSERT_INT_EQ(raw_sql(path, "DELETE FROM posts WHERE id = 3"), 0);
	ASSERT_INT_EQ(raw_int(path, "SELECT id FROM id_high WHERE"
	                            " tbl = 'posts'"),
	    3);
	store_close(st);
	ASSERT_INT_EQ(raw_sql(path, "PRAGMA integrity_check"), 0);
	unlink(path);
	snprintf(path, sizeof path, "%s/bbs.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bbs.db-shm", dir);
	unlink(path);
	rmdir(dir);
	TEST_DONE();
}

/*
 * A database file left at schema version 2 with a row in every table
 * that refers to members: version 3 rebuilds members, which must keep
 * them all (with foreign keys on, dropping the old table would cascade).
 */
static void
test_migrate_v3(void)
{
	static const char *const fill =
	    "INSERT INTO members (pseudonym, role, created) VALUES"
	    " ('alice', 'sysop', 0), ('bob', 'member', 0), ('bot', 'bot', 0);"
	    "INSERT INTO boards (name, title, created) VALUES ('general', '',"
	    " 0);"
	    "INSERT INTO keys (member_id, hash, key_id, created) VALUES"
	    " (1, x'01', 'aaaaaaaa', 0), (2, x'02', 'bbbbbbbb', 0),"
	    " (3, x'03', 'cccccccc', 0);"
	    "INSERT INTO key_boards VALUES (3, 1);"
	    "INSERT INTO threads (board_id, title, author_id, created) VALUES"
	    " (1, 'old', 2, 0);"
	    "INSERT INTO posts (thread_id, author_id, body, created) VALUES"
	    " (1, 2, 'a', 0), (1, 1, 'b', 0);"
	    "INSERT INTO reads VALUES (1, 1, 2);"
	    "INSERT INTO pins (url, url_norm, author_id, created) VALUES"
	    " ('https://a.example/', 'https://a.example/', 2, 0);"
	    "INSERT INTO votes VALUES (1, 1), (1, 2);"
	    "INSERT INTO pin_reads VALUES (2, 1);"
	    "INSERT INTO pending (act, target, requested_by, created) VALUES"
	    " ('promote', 'bob', 1, 0);"
	    "INSERT INTO rate_events VALUES (2, 'post', 0);";
	static const char *const counts =
	    "SELECT (SELECT count(*) FROM members) || ' ' ||"
	    " (SELECT count(*) FROM keys) || ' ' ||"
	    " (SELECT count(*) FROM key_boards) || ' ' ||"
	    " (SELECT count(*) FROM posts WHERE author_id IS NOT NULL) || ' ' "
	    "||"
	    " (SELECT count(*) FROM reads) || ' ' ||"
	    " (SELECT count(*) FROM votes) || ' ' ||"
	    " (SELECT count(*) FROM pin_reads) || ' ' ||"
	    " (SELECT count(*) FROM pending) || ' ' ||"
	    " (SELECT count(*) FROM rate_events) || ' ' ||"
	    " (SELECT group_concat(pseudonym || ':' || role) FROM members)";
	struct store old = { 0 };
	struct store *st = NULL;
	char dir[] = "/tmp/bbs-test-XXXXXX", path[64], *cause = NULL;
	sqlite3_stmt *stmt;
	sqlite3 *h;
	char before[256] = "", after[256] = "";

	TEST_START("store: version 2 migrates to 3, every member's row kept");
	ASSERT_TRUE(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/bbs.db", dir);
	ASSERT_INT_EQ(sqlite3_open(path, &old.db), SQLITE_OK);
	old.path = path;
	ASSERT_INT_EQ(store_pins_sql_init(&old), STORE_OK);
	ASSERT_INT_EQ(store_migrate_to(&old, 2, &cause), STORE_OK);
	sqlite3_close(old.db);
	ASSERT_INT_EQ(raw_sql(path, fill), 0);
	ASSERT_INT_EQ(raw_int(path, "PRAGMA user_version"), 2);
	ASSERT_INT_EQ(sqlite3_open(path, &h), SQLITE_OK);
	if (sqlite3_prepare_v2(h, counts, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(
		    before, sizeof before, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(h);
	ASSERT_STR_EQ(before, "3 3 1 2 1 2 1 1 1 alice:sysop,bob:member,"
	                      "bot:bot");
	ASSERT_INT_EQ(store_open(path, &st, &cause), STORE_OK);
	ASSERT_INT_EQ(raw_int(path, "PRAGMA user_version"), 3);
	ASSERT_INT_EQ(sqlite3_open(path, &h), SQLITE_OK);
	if (sqlite3_prepare_v2(h, counts, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(
		    after, sizeof after, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(h);
	ASSERT_STR_EQ(after, before);
	ASSERT_INT_EQ(store_check(st, &cause), STORE_OK);
	/* The store's connection has its foreign keys back on. */
	{
		int64_t on = 0;

		ASSERT_INT_EQ(
		    store_int_query(st, "PRAGMA foreign_keys", &on, ""),
		    STORE_OK);
		ASSERT_INT_EQ(on, 1);
	}
	/* The new role, tables and column. */
	ASSERT_INT_EQ(
	    raw_sql(path, "INSERT INTO members (pseudonym, role,"
	                  " created) VALUES ('nina', 'applicant', 0)"),
	    0);
	ASSERT_INT_EQ(raw_sql(path, "INSERT INTO members (pseudonym, role,"
	                            " created) VALUES ('x', 'root', 0)"),
	    -1);
	ASSERT_INT_EQ(raw_int(path, "SELECT public FROM boards"), 0);
	ASSERT_INT_EQ(raw_int(path, "SELECT count(*) FROM invites"), 0);
	ASSERT_INT_EQ(raw_int(path, "SELECT count(*) FROM vouches"), 0);
	store_close(st);
	/* Deleting a member still cascades to the new table's rows. */
	ASSERT_INT_EQ(raw_sql(path, "PRAGMA foreign_keys = ON;"
	                            " DELETE FROM members WHERE id = 2"),
	    0);
	ASSERT_INT_EQ(raw_int(path, "SELECT count(*) FROM keys"), 2);
	ASSERT_INT_EQ(raw_int(path, "SELECT count(*) FROM posts WHERE"
	                            " author_id IS NULL"),
	    1);
	snprintf(path, sizeof path, "%s/bbs.db", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bbs.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bbs.db-shm", dir);
	unlink(path);
	rmdir(dir);
	TEST_DONE();
}

static void
test_members(void)
{
	struct store_key_new k = { 0 };
	struct store_login login;
	struct store_member *m = NULL;
	struct fixture f;
	uint8_t h1[STORE_HASH_LEN] = { 1 }, h2[STORE_HASH_LEN] = { 2 };
	char *cause = NULL;
	int64_t alice;
	int pending;

	fixture_open(&f);
	TEST_START("store: a key makes a member; a second key joins it");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	k.pseudonym = "alice";
	k.role = -1;
	k.hash = h1;
	k.key_id = "aaaaaaaa";
	k.label = "phone";
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_OK);
	ASSERT_INT_EQ(store_member_get(f.st, "ALICE", &m), STORE_OK);
	ASSERT_INT_EQ(m != NULL ? m->keys : -1, 2);
	store_member_free(m);
	ASSERT_INT_EQ(store_login(f.st, h1, &login), STORE_OK);
	ASSERT_INT_EQ(login.member_id, alice);
	ASSERT_STR_EQ(login.key_id, "aaaaaaaa");
	TEST_DONE();

	TEST_START("store: bad key adds change nothing");
	k.hash = h2;
	k.key_id = "bbbbbbbb";
	k.pseudonym = "Alice"; /* a case variant of a taken name */
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_EXISTS);
	free(cause), cause = NULL;
	k.pseudonym = "alice";
	k.role = STORE_ROLE_SYSOP; /* alice is a member */
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	k.role = -1;
	k.hash = h1; /* the same key again */
	k.key_id = "cccccccc";
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_EXISTS);
	free(cause), cause = NULL;
	k.hash = h2;
	k.pseudonym = "a"; /* too short */
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	/* The log's own actors: a sysop so named could pass as them. */
	k.pseudonym = "Console";
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	k.pseudonym = "anonymous";
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	/* Nor the user name of everyone without a key. */
	k.pseudonym = "Guest";
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	k.pseudonym = "bob";
	k.nboards = 1;
	k.boards = (const char *const[]){ "general", NULL };
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_USAGE);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM members"), 1);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM keys"), 2);
	TEST_DONE();

	TEST_START("store: a bot key names its boards; unknown boards refused");
	fixture_board(&f, "general");
	k.role = STORE_ROLE_BOT;
	k.boards = (const char *const[]){ "nosuch", NULL };
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM members"), 1);
	k.boards = (const char *const[]){ "general", NULL };
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_OK);
	{
		char **boards = NULL;

		ASSERT_INT_EQ(store_login(f.st, h2, &login), STORE_OK);
		ASSERT_INT_EQ(
		    store_key_boards(f.st, login.key_row, &boards), STORE_OK);
		ASSERT_STR_EQ(boards != NULL ? boards[0] : NULL, "general");
		ASSERT_NULL(boards != NULL ? boards[1] : "x");
		free(boards != NULL ? boards[0] : NULL);
		free(boards);
	}
	TEST_DONE();

	TEST_START("store: a revoked key stops logging in; the act is logged");
	ASSERT_INT_EQ(store_key_revoke(f.st, &store_console, "aaaaaaaa", "lost",
	                  &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 0);
	ASSERT_INT_EQ(store_login(f.st, h1, &login), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_key_revoke(f.st, &store_console, "aaaaaaaa",
	                  "again", &pending, &cause),
	    STORE_OK); /* repeating changes nothing */
	ASSERT_INT_EQ(store_key_revoke(f.st, &store_console, "zzzzzzzz", NULL,
	                  &pending, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'revoke' AND reason = 'lost'"),
	    1);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog"
	                            " WHERE act = 'revoke'"),
	    1);
	TEST_DONE();

	TEST_START("store: role changes are logged; bots keep their role");
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "alice",
	                  STORE_ROLE_SYSOP, "trusted", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog"
	                            " WHERE act = 'promote'"),
	    1);
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "bob",
	                  STORE_ROLE_SYSOP, NULL, &pending, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "nobody",
	                  STORE_ROLE_SYSOP, NULL, &pending, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();
	fixture_close(&f);
}

static void
test_boards(void)
{
	struct store_board *b = NULL;
	struct fixture f;
	char *cause = NULL, *json = NULL;
	size_t n;

	fixture_open(&f);
	TEST_START("store: boards are unique ignoring case and named sanely");
	fixture_board(&f, "general");
	ASSERT_INT_EQ(store_board_create(f.st, &store_console, "General", "",
	                  STORE_ROLE_MEMBER, &cause),
	    STORE_ERR_EXISTS);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_board_create(f.st, &store_console, "bad name", "",
	                  STORE_ROLE_MEMBER, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_board_create(f.st, &store_console, "announcements",
	                  "News\x1b[2J", STORE_ROLE_SYSOP, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_boards_list(f.st, &b, &n), STORE_OK);
	ASSERT_INT_EQ(n, 2);
	ASSERT_STR_EQ(n == 2 ? b[0].name : NULL, "announcements");
	ASSERT_STR_EQ(n == 2 ? b[0].title : NULL, "News[2J");
	ASSERT_INT_EQ(n == 2 ? (int)b[0].post_role : -1, STORE_ROLE_SYSOP);
	store_boards_free(b, n);
	ASSERT_INT_EQ(store_boards_json(f.st, &json), STORE_OK);
	ASSERT_STR_EQ(json,
	    "[{\"name\":\"announcements\",\"title\":\"News[2J\",\"threads\":0,"
	    "\"post_role\":\"sysop\",\"public\":false},{\"name\":"
	    "\"general\",\"title\":\"general\",\"threads\":0,"
	    "\"post_role\":\"member\",\"public\":false}]");
	free(json);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_content(void)
{
	char *out = NULL, *cause = NULL, *big;
	size_t max = 65536;

	TEST_START("store: bodies are normalised (SPEC section 9)");
	ASSERT_INT_EQ(store_text_body("a\r\nb\x1b[2J\x07\tc\n\n\n", 15, max,
	                  "body", &out, &cause),
	    STORE_OK);
	ASSERT_STR_EQ(out, "a\nb[2J\tc");
	free(out);
	/* U+009B (C1 CSI) is a control too. */
	ASSERT_INT_EQ(store_text_body("x\xc2\x9b"
	                              "31m",
	                  6, max, "body", &out, &cause),
	    STORE_OK);
	ASSERT_STR_EQ(out, "x31m");
	free(out);
	/* Bidi overrides too (U+202E RLO, U+2066 LRI): JSON would carry them.
	 */
	ASSERT_INT_EQ(store_text_body("a\xe2\x80\xae"
	                              "b\xe2\x81\xa6"
	                              "c",
	                  9, max, "body", &out, &cause),
	    STORE_OK);
	ASSERT_STR_EQ(out, "abc");
	free(out);
	ASSERT_INT_EQ(store_text_body("\n\r\n", 3, max, "body", &out, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	/* Blanks alone are empty; blanks around text are kept. */
	ASSERT_INT_EQ(
	    store_text_body(" \t \n  \n", 8, max, "body", &out, &cause),
	    STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "empty") != NULL);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_text_body("  x \n", 5, max, "body", &out, &cause), STORE_OK);
	ASSERT_STR_EQ(out, "  x ");
	free(out);
	ASSERT_INT_EQ(store_text_body("\xff\xfe", 2, max, "body", &out, &cause),
	    STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "UTF-8") != NULL);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_text_body("\xed\xa0\x80", 3, max, "body", &out, &cause),
	    STORE_ERR_INVALID); /* a surrogate */
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("store: the body limit is inclusive, in bytes");
	big = malloc(max + 2);
	memset(big, 'x', max + 1);
	big[max + 1] = '\0';
	ASSERT_INT_EQ(
	    store_text_body(big, max, max, "body", &out, &cause), STORE_OK);
	free(out);
	ASSERT_INT_EQ(store_text_body(big, max + 1, max, "body", &out, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	/* Trailing newlines do not count. */
	big[max] = '\n';
	ASSERT_INT_EQ(
	    store_text_body(big, max + 1, max, "body", &out, &cause), STORE_OK);
	free(out);
	free(big);
	TEST_DONE();

	TEST_START("store: one-line fields count characters, not bytes");
	ASSERT_INT_EQ(store_text_line("  \xe6\x97\xa5\xe6\x9c\xac\tx\n ", 4, 0,
	                  "title", &out, &cause),
	    STORE_OK);
	ASSERT_STR_EQ(out, "\xe6\x97\xa5\xe6\x9c\xac x");
	free(out);
	ASSERT_INT_EQ(store_text_line("\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5", 2,
	                  0, "title", &out, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_text_line(" \t ", 10, 0, "title", &out, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	TEST_DONE();
}

/*
 * A bot granted "news" (sysops only) by one key and "general" by a revoked
 * one: logged in with the first, it posts on news, not on general; a
 * locked thread refuses it too. t1 is a locked thread on general; news
 * exists.
 */
static void
test_bot_boards(struct fixture *f, int64_t t1)
{
	struct store_key_new k = { 0 };
	struct store_login login;
	uint8_t h1[STORE_HASH_LEN] = { 7 }, h2[STORE_HASH_LEN] = { 8 };
	char *cause = NULL;
	int64_t bot, th, post;

	bot = fixture_member(f, "newsbot", STORE_ROLE_BOT);
	k.pseudonym = "newsbot";
	k.role = -1;
	k.hash = h1;
	k.key_id = "botkey01";
	k.boards = (const char *const[]){ "news", NULL };
	k.nboards = 1;
	ASSERT_INT_EQ(store_key_add(f->st, &k, &cause), STORE_OK);
	k.hash = h2;
	k.key_id = "botkey02";
	k.boards = (const char *const[]){ "general", NULL };
	ASSERT_INT_EQ(store_key_add(f->st, &k, &cause), STORE_OK);
	{
		int pending;

		ASSERT_INT_EQ(store_key_revoke(f->st, &store_console,
		                  "botkey02", NULL, &pending, &cause),
		    STORE_OK);
	}
	/* A bot's grants are the session's key's (SPEC section 2). */
	ASSERT_INT_EQ(store_login(f->st, h1, &login), STORE_OK);
	store_set_login(f->st, login.key_row);
	ASSERT_INT_EQ(store_thread_create(f->st, bot, "news", "Weekly", "hi", 2,
	                  &th, &post, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(
	    store_post_reply(f->st, bot, th, "more", 4, &post, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_create(f->st, bot, "general", "No", "no", 2,
	                  &th, &post, &cause),
	    STORE_ERR_PERM);
	ASSERT_STR_EQ(cause, "this bot may not post on general");
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_post_reply(f->st, bot, t1, "no", 2, &post, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_sql(f->db, "UPDATE keys SET revoked = 0 WHERE"
	                             " key_id = 'botkey02'"),
	    0);
	ASSERT_INT_EQ(store_login(f->st, h2, &login), STORE_OK);
	store_set_login(f->st, login.key_row);
	ASSERT_INT_EQ(store_post_reply(f->st, bot, t1, "no", 2, &post, &cause),
	    STORE_ERR_PERM); /* granted now, but the thread is locked */
	ASSERT_STR_EQ(cause, "thread 1 is locked");
	free(cause), cause = NULL;
	store_set_login(f->st, 0);
}

/*
 * SPEC section 2 grants boards to a bot key, not to its member: a bot
 * with two keys, one granted "news", posts there only while logged in
 * with that key, through every store call that posts.
 */
static void
test_bot_key(void)
{
	struct store_key_new k = { 0 };
	struct store_pin_new pin = { 0 };
	struct store_login granted, other;
	struct store_board *b = NULL;
	struct fixture f;
	enum store_post_bar bar;
	uint8_t h1[STORE_HASH_LEN] = { 21 }, h2[STORE_HASH_LEN] = { 22 };
	char *cause = NULL;
	int64_t alice, bot, th = 0, post = 0, id = 0, score = 0;
	int dup = 0, created = 0;

	TEST_START("store: a bot's other key may not post where one key may");
	fixture_open(&f);
	fixture_board(&f, "news");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	k.pseudonym = "relay";
	k.role = STORE_ROLE_BOT;
	k.hash = h1;
	k.key_id = "relay001";
	k.boards = (const char *const[]){ "news", NULL };
	k.nboards = 1;
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_OK);
	k.hash = h2;
	k.key_id = "relay002";
	k.boards = NULL;
	k.nboards = 0;
	ASSERT_INT_EQ(store_key_add(f.st, &k, &cause), STORE_OK);
	ASSERT_INT_EQ(store_login(f.st, h1, &granted), STORE_OK);
	ASSERT_INT_EQ(store_login(f.st, h2, &other), STORE_OK);
	ASSERT_INT_EQ(granted.member_id, other.member_id);
	bot = other.member_id;
	ASSERT_INT_EQ(store_board_get(f.st, "news", &b), STORE_OK);

	/* The other key: the check, a thread, a reply, a pin's discussion. */
	store_set_login(f.st, other.key_row);
	ASSERT_INT_EQ(
	    store_post_check(f.st, bot, b, NULL, &bar, &cause), STORE_ERR_PERM);
	ASSERT_INT_EQ(bar, STORE_POST_UNGRANTED);
	ASSERT_STR_EQ(cause, "this bot may not post on news");
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_thread_create(f.st, bot, "news", "Weekly", "hi", 2,
	                  &th, &post, &cause),
	    STORE_ERR_PERM);
	ASSERT_STR_EQ(cause, "this bot may not post on news");
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM threads"), 0);

	/* The granted key posts; the other still may not reply. */
	store_set_login(f.st, granted.key_row);
	ASSERT_INT_EQ(
	    store_post_check(f.st, bot, b, NULL, &bar, &cause), STORE_OK);
	ASSERT_INT_EQ(bar, STORE_POST_OK);
	ASSERT_NULL(cause);
	ASSERT_INT_EQ(store_thread_create(f.st, bot, "news", "Weekly", "hi", 2,
	                  &th, &post, &cause),
	    STORE_OK);
	store_set_login(f.st, other.key_row);
	ASSERT_INT_EQ(store_post_reply(f.st, bot, th, "more", 4, &post, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM posts"), 1);

	/* The board "pins" was granted to neither key. */
	pin.url = "https://example.org/notice";
	ASSERT_INT_EQ(
	    store_pin_add(f.st, alice, &pin, &id, &dup, &score, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_pin_thread(f.st, bot, id, &th, &created, &cause),
	    STORE_ERR_PERM);
	ASSERT_STR_EQ(cause, "this bot may not post on pins");
	free(cause), cause = NULL;
	ASSERT_INT_EQ(created, 0);

	/* Without a login key (the console's store) a bot posts nowhere. */
	store_set_login(f.st, 0);
	ASSERT_INT_EQ(
	    store_post_check(f.st, bot, b, NULL, &bar, NULL), STORE_ERR_PERM);
	ASSERT_INT_EQ(bar, STORE_POST_UNGRANTED);
	store_board_free(b);
	fixture_close(&f);
	TEST_DONE();
}

static void
test_threads(void)
{
	struct store_thread *t = NULL;
	struct store_post *p = NULL;
	struct fixture f;
	char *cause = NULL, *json = NULL;
	int64_t alice, bob, carol, dave, sysop, t1, t2, t3, p1, post, th, next;
	size_t n;

	fixture_open(&f);
	fixture_board(&f, "general");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	sysop = fixture_member(&f, "root", STORE_ROLE_SYSOP);

	TEST_START("store: threads list stickies first, then by activity");
	t1 = fixture_thread(&f, alice, "general", "first", "one", &p1);
	t2 = fixture_thread(&f, alice, "general", "second", "two", NULL);
	t3 = fixture_thread(&f, bob, "general", "third", "three", NULL);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, bob, t1, "re", 2, &post, &cause), STORE_OK);
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE threads SET sticky = 1 WHERE"
	                            " title = 'second'"),
	    0);
	ASSERT_INT_EQ(
	    store_threads_list(f.st, "general", alice, 50, &t, &n), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	if (n == 3) {
		ASSERT_INT_EQ(t[0].id, t2);
		ASSERT_INT_EQ(t[1].id, t1);
		ASSERT_INT_EQ(t[2].id, t3);
		ASSERT_INT_EQ(t[1].replies, 1);
		ASSERT_INT_EQ(t[1].unread, 1); /* bob's reply */
		ASSERT_INT_EQ(t[2].unread, 1); /* bob's thread */
		ASSERT_INT_EQ(t[0].unread, 0); /* her own */
		ASSERT_STR_EQ(t[2].author, "bob");
	}
	store_threads_free(t, n);
	TEST_DONE();

	TEST_START("store: unread tracking: oldest unread first, never back");
	ASSERT_INT_EQ(store_unread_next(f.st, alice, &th, &next), STORE_OK);
	ASSERT_INT_EQ(th, t3); /* its post is older than bob's reply */
	ASSERT_INT_EQ(store_read_mark(f.st, alice, t3, next), STORE_OK);
	ASSERT_INT_EQ(store_unread_next(f.st, alice, &th, &next), STORE_OK);
	ASSERT_INT_EQ(th, t1);
	ASSERT_INT_EQ(next, post);
	ASSERT_INT_EQ(store_read_mark(f.st, alice, t1, post), STORE_OK);
	ASSERT_INT_EQ(store_read_mark(f.st, alice, t1, p1), STORE_OK);
	ASSERT_INT_EQ(store_read_position(f.st, alice, t1, &next), STORE_OK);
	ASSERT_INT_EQ(next, post);
	ASSERT_INT_EQ(
	    store_unread_next(f.st, alice, &th, &next), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_reads_forget(f.st, alice), STORE_OK);
	ASSERT_INT_EQ(store_board_mark_read(f.st, alice, 1), STORE_OK);
	ASSERT_INT_EQ(
	    store_unread_next(f.st, alice, &th, &next), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_board_unread(f.st, alice, 1, &next), STORE_OK);
	ASSERT_INT_EQ(next, 0);
	ASSERT_INT_EQ(store_reads_forget(f.st, alice), STORE_OK);
	ASSERT_INT_EQ(store_board_unread(f.st, alice, 1, &next), STORE_OK);
	ASSERT_INT_EQ(next, 4);
	TEST_DONE();

	TEST_START("store: locked threads and sysop boards refuse members");
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE threads SET locked = 1"), 0);
	ASSERT_INT_EQ(store_post_reply(f.st, bob, t1, "no", 2, &post, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_post_reply(f.st, sysop, t1, "closing", 7, &post, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_board_create(f.st, &store_console, "news", "",
	                  STORE_ROLE_SYSOP, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_create(
	                  f.st, bob, "news", "t", "b", 1, &th, &post, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_thread_create(
	                  f.st, bob, "nosuch", "t", "b", 1, &th, &post, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_post_reply(f.st, bob, 999, "b", 1, &post, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("store: a bot posts only where its login key was granted");
	test_bot_boards(&f, t1);
	TEST_DONE();

	TEST_START("store: posts page forwards and backwards; JSON hides");
	ASSERT_INT_EQ(store_posts_page(f.st, t1, 0, 0, 2, &p, &n), STORE_OK);
	ASSERT_INT_EQ(n, 2);
	ASSERT_INT_EQ(n == 2 ? p[0].id : 0, p1);
	store_posts_free(p, n);
	ASSERT_INT_EQ(
	    store_posts_page(f.st, t1, 0, post + 1, 1, &p, &n), STORE_OK);
	ASSERT_INT_EQ(n == 1 ? p[0].id : 0, post);
	store_posts_free(p, n);
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE posts SET hidden_reason = 'spam'"
	                            " WHERE body = 're'"),
	    0);
	ASSERT_INT_EQ(store_thread_json(f.st, t1, &json), STORE_OK);
	ASSERT_TRUE(json != NULL &&
	            strstr(json, "\"body\":null,\"hidden\":\"spam\"") != NULL);
	ASSERT_TRUE(json != NULL &&
	            strstr(json, "\"body\":\"one\",\"hidden\":null") != NULL);
	ASSERT_TRUE(json != NULL && strstr(json, "\"locked\":true") != NULL);
	free(json);
	ASSERT_INT_EQ(store_thread_json(f.st, 999, &json), STORE_ERR_NOT_FOUND);
	TEST_DONE();

	TEST_START("store: the rate limit counts over 60 seconds");
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE threads SET locked = 0"), 0);
	carol = fixture_member(&f, "carol", STORE_ROLE_MEMBER);
	dave = fixture_member(&f, "dave", STORE_ROLE_MEMBER);
	store_set_clock(f.st, 2000000000);
	ASSERT_INT_EQ(store_setting_set(f.st, "rate_posts", "2", &cause), 0);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, carol, t2, "a", 1, &post, &cause), STORE_OK);
	store_set_clock(f.st, 2000000030);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, carol, t2, "b", 1, &post, &cause), STORE_OK);
	ASSERT_INT_EQ(store_post_reply(f.st, carol, t2, "c", 1, &post, &cause),
	    STORE_ERR_RATE);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_post_reply(f.st, dave, t2, "d", 1, &post, &cause),
	    STORE_OK);                     /* per pseudonym */
	store_set_clock(f.st, 2000000061); /* the first has left the window */
	ASSERT_INT_EQ(
	    store_post_reply(f.st, carol, t2, "e", 1, &post, &cause), STORE_OK);
	ASSERT_INT_EQ(store_post_reply(f.st, carol, t2, "f", 1, &post, &cause),
	    STORE_ERR_RATE);
	free(cause), cause = NULL;
	/* Records past their minute are pruned, and only they. */
	store_set_clock(f.st, 2000000061 + 61);
	ASSERT_INT_EQ(store_rate_prune(f.st), STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM rate_events"), 0);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_search(void)
{
	struct store_hit *h = NULL;
	struct fixture f;
	char *json = NULL;
	int64_t alice, t1;
	size_t n;

	fixture_open(&f);
	fixture_board(&f, "general");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	t1 = fixture_thread(&f, alice, "general", "Garden party",
	    "Bring tomatoes and a spade", NULL);
	fixture_thread(&f, alice, "general", "Other", "nothing here", NULL);

	TEST_START("store: search finds titles and bodies");
	ASSERT_INT_EQ(store_search(f.st, "tomatoes", 20, &h, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_INT_EQ(n == 1 ? h[0].thread : 0, t1);
	store_hits_free(h, n);
	ASSERT_INT_EQ(store_search(f.st, "garden SPADE", 20, &h, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	store_hits_free(h, n);
	ASSERT_INT_EQ(
	    store_search(f.st, "tomatoes nothing", 20, &h, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_hits_free(h, n);
	TEST_DONE();

	TEST_START("store: search input is never FTS5 syntax");
	ASSERT_INT_EQ(
	    store_search(f.st, "\"unbalanced NEAR( * OR -x:y", 20, &h, &n),
	    STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_hits_free(h, n);
	ASSERT_INT_EQ(store_search(f.st, "   ", 20, &h, &n), STORE_ERR_USAGE);
	ASSERT_INT_EQ(store_search_json(f.st, "zzz", 20, &json), STORE_OK);
	ASSERT_STR_EQ(json, "[]");
	free(json);
	TEST_DONE();

	TEST_START("store: hidden posts are not found");
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE posts SET hidden_reason = 'x'"), 0);
	ASSERT_INT_EQ(store_search(f.st, "tomatoes", 20, &h, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_hits_free(h, n);
	TEST_DONE();
	fixture_close(&f);
}

/*
 * The store returns an internal error and keeps what broke for the
 * caller's log (store_error_take()), which reports it once.
 */
static void
test_error_take(void)
{
	struct fixture f;
	char *cause = NULL;
	const char *e;

	TEST_START("store: an internal error is kept for the caller, once");
	fixture_open(&f);
	ASSERT_NULL(store_error_take(f.st));
	ASSERT_NULL(store_error_take(NULL));
	ASSERT_INT_EQ(raw_sql(f.db, "DROP TABLE settings"), 0);
	ASSERT_INT_EQ(store_setting_set(f.st, "title_max", "100", &cause),
	    STORE_ERR_INTERNAL);
	ASSERT_NULL(cause);
	e = store_error_take(f.st);
	ASSERT_TRUE(e != NULL && strstr(e, "no such table: settings") != NULL);
	ASSERT_NULL(store_error_take(f.st));
	fixture_close(&f);
	TEST_DONE();
}

static void
test_backup_check(void)
{
	struct fixture f;
	char *cause = NULL, *copy;

	fixture_open(&f);
	fixture_board(&f, "general");
	TEST_START("store: backup writes a sound copy and never overwrites");
	if (asprintf(&copy, "%s/copy.db", f.dir) < 0)
		exit(2);
	ASSERT_INT_EQ(store_backup(f.st, copy, &cause), STORE_OK);
	ASSERT_INT_EQ(raw_int(copy, "SELECT count(*) FROM boards"), 1);
	ASSERT_INT_EQ(store_backup(f.st, copy, &cause), STORE_ERR_USAGE);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_check(f.st, &cause), STORE_OK);
	free(copy);
	TEST_DONE();

	TEST_START("store: times are stored rounded to the hour");
	store_set_clock(f.st, 1763733599); /* 2025-11-21T13:59:59Z */
	ASSERT_INT_EQ(store_now(f.st), 1763730000);
	{
		char iso[21];

		store_time_format(store_now(f.st), iso);
		ASSERT_STR_EQ(iso, "2025-11-21T13:00:00Z");
	}
	TEST_DONE();
	fixture_close(&f);
}

static void
test_bind(void)
{
	struct fixture f;
	char *json = NULL, *why = NULL, *cause = NULL, long_reason[202];
	int64_t n = 0;
	int changed = -1;

	fixture_open(&f);
	TEST_START("store: statements bind ?1, ?2 ... from a list of types");
	ASSERT_INT_EQ(store_int_query(f.st, "SELECT ?1 + ?2", &n, "ii",
	                  (int64_t)40, (int64_t)2),
	    STORE_OK);
	ASSERT_INT_EQ(n, 42);
	ASSERT_INT_EQ(store_json_query(f.st, "SELECT json_array(?1, ?2, ?3)",
	                  &json, "tit", "a", (int64_t)-1, (const char *)NULL),
	    STORE_OK);
	ASSERT_STR_EQ(json, "[\"a\",-1,null]");
	free(json);
	/* Only as many as the statement has: ?2 alone takes the second. */
	ASSERT_INT_EQ(store_int_query(f.st, "SELECT ?2", &n, "tii", "x",
	                  (int64_t)7, (int64_t)9),
	    STORE_OK);
	ASSERT_INT_EQ(n, 7);
	ASSERT_INT_EQ(
	    store_run(f.st, "CREATE TABLE t (v)", NULL, ""), STORE_OK);
	ASSERT_INT_EQ(store_run(f.st, "INSERT INTO t VALUES (?1), (?1)",
	                  &changed, "i", (int64_t)3),
	    STORE_OK);
	ASSERT_INT_EQ(changed, 2);
	ASSERT_INT_EQ(store_run(f.st, "DELETE FROM nosuch", NULL, ""),
	    STORE_ERR_INTERNAL);
	ASSERT_TRUE(strstr(store_error_take(f.st), "nosuch") != NULL);
	ASSERT_INT_EQ(store_int_query(f.st, "SELECT v FROM t WHERE v > ?1", &n,
	                  "i", (int64_t)3),
	    STORE_ERR_INTERNAL);
	ASSERT_INT_EQ(n, 0);
	TEST_DONE();

	TEST_START("store: one rule for a reason, required or not");
	ASSERT_INT_EQ(store_reason_normalise(NULL, 0, &why, &cause), STORE_OK);
	ASSERT_STR_EQ(why, "");
	free(why);
	ASSERT_INT_EQ(
	    store_reason_normalise(" spam ", 1, &why, &cause), STORE_OK);
	ASSERT_STR_EQ(why, "spam");
	free(why);
	ASSERT_INT_EQ(
	    store_reason_normalise(NULL, 1, &why, &cause), STORE_ERR_INVALID);
	ASSERT_STR_EQ(cause, "the reason is empty");
	free(cause), cause = NULL;
	memset(long_reason, 'x', sizeof long_reason - 1);
	long_reason[sizeof long_reason - 1] = '\0';
	ASSERT_INT_EQ(store_reason_normalise(long_reason, 0, &why, &cause),
	    STORE_ERR_INVALID);
	ASSERT_STR_EQ(
	    cause, "the reason is too long (201 characters, at most 200)");
	free(cause);
	TEST_DONE();
	fixture_close(&f);
}

int
main(void)
{
	test_migrate();
	test_migrate_v2();
	test_migrate_v3();
	test_members();
	test_boards();
	test_content();
	test_threads();
	test_bot_key();
	test_search();
	test_backup_check();
	test_error_take();
	test_bind();
	return test_exit();
}
