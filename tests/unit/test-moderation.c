/* bbs: ISC licence, see LICENSE. */
/*
 * Moderation (SPEC section 8): sysop acts and their log entries, the
 * two-sysop rule case by case, flags, and erase-me.
 */
#include <sqlite3.h>

#include "store/pins.h"
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

static void
test_acts(void)
{
	struct store_thread *t = NULL;
	struct store_post *p = NULL;
	struct store_flag *fl = NULL;
	struct fixture f;
	struct store_actor root;
	char *cause = NULL;
	int64_t alice, post, reply, thread, flag;
	size_t n;

	fixture_open(&f);
	fixture_board(&f, "general");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	root =
	    (struct store_actor){ fixture_member(&f, "root", STORE_ROLE_SYSOP),
		    "root" };
	thread = fixture_thread(&f, alice, "general", "t", "body", &post);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, alice, thread, "spam", 4, &reply, &cause),
	    STORE_OK);

	TEST_START("moderation: hide keeps the body, closes flags, is logged");
	ASSERT_INT_EQ(
	    store_flag_add(f.st, alice, reply, "spam!", &flag, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_flags_list(f.st, &fl, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_INT_EQ(n == 1 ? fl[0].post : 0, reply);
	/* Nothing records who flagged, not even a rate limit. */
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM rate_events WHERE"
	                            " kind = 'flag'"),
	    0);
	store_flags_free(fl, n);
	ASSERT_INT_EQ(store_post_hide(f.st, &root, reply, "", &cause),
	    STORE_ERR_INVALID); /* a reason is required */
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_post_hide(f.st, &root, reply, "spam", &cause), STORE_OK);
	ASSERT_INT_EQ(
	    store_post_hide(f.st, &root, reply, "again", &cause), STORE_OK);
	ASSERT_INT_EQ(
	    store_posts_page(f.st, thread, 0, 0, 10, &p, &n), STORE_OK);
	ASSERT_STR_EQ(n == 2 ? p[1].hidden : NULL, "spam");
	ASSERT_STR_EQ(n == 2 ? p[1].body : NULL, "spam");
	store_posts_free(p, n);
	ASSERT_INT_EQ(store_flags_list(f.st, &fl, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_flags_free(fl, n);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM modlog WHERE act = 'hide'"
	                  " AND actor = 'root' AND target = 'post 2'"
	                  " AND reason = 'spam'"),
	    1);
	ASSERT_INT_EQ(store_post_hide(f.st, &root, 999, "x", &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_post_unhide(f.st, &root, reply, NULL, &cause), STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM posts WHERE"
	                            " hidden_reason IS NOT NULL"),
	    0);
	TEST_DONE();

	TEST_START("moderation: members may not act");
	{
		struct store_actor m = { alice, "alice" };

		ASSERT_INT_EQ(store_post_hide(f.st, &m, post, "x", &cause),
		    STORE_ERR_PERM);
		free(cause), cause = NULL;
		ASSERT_INT_EQ(store_thread_set(f.st, &m, thread,
		                  STORE_THREAD_LOCKED, 1, NULL, &cause),
		    STORE_ERR_PERM);
		free(cause), cause = NULL;
	}
	TEST_DONE();

	TEST_START("moderation: lock and sticky; repeats log nothing");
	ASSERT_INT_EQ(store_thread_set(f.st, &root, thread, STORE_THREAD_LOCKED,
	                  1, "heated", &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_set(f.st, &root, thread, STORE_THREAD_LOCKED,
	                  1, NULL, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_set(f.st, &root, thread, STORE_THREAD_STICKY,
	                  1, NULL, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_get(f.st, thread, 0, &t), STORE_OK);
	ASSERT_INT_EQ(t != NULL && t->locked && t->sticky, 1);
	store_thread_free(t);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act IN ('lock', 'sticky')"),
	    2);
	ASSERT_INT_EQ(store_thread_set(f.st, &root, 999, STORE_THREAD_LOCKED, 1,
	                  NULL, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("moderation: board create checks the actor is a sysop");
	{
		struct store_actor m = { alice, "alice" };

		ASSERT_INT_EQ(store_board_create(f.st, &m, "mine", "",
		                  STORE_ROLE_MEMBER, &cause),
		    STORE_ERR_PERM);
		free(cause), cause = NULL;
		ASSERT_INT_EQ(store_board_create(f.st, &root, "events",
		                  "Events", STORE_ROLE_MEMBER, &cause),
		    STORE_OK);
		ASSERT_INT_EQ(
		    raw_int(f.db, "SELECT count(*) FROM boards"
		                  " WHERE name IN ('mine', 'events')"),
		    1);
		ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
		                            " act = 'board-create' AND actor ="
		                            " 'root' AND target = 'events'"),
		    1);
	}
	TEST_DONE();

	TEST_START("moderation: board edit is logged with what changed");
	ASSERT_INT_EQ(store_board_edit(f.st, &root, "general", "Talk",
	                  STORE_ROLE_SYSOP, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                            " 'board-edit' AND reason = 'title: Talk;"
	                            " post-role: sysop'"),
	    1);
	ASSERT_INT_EQ(store_board_edit(f.st, &root, "nosuch", "x", -1, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("moderation: dismissing a flag is logged");
	ASSERT_INT_EQ(
	    store_flag_add(f.st, alice, post, "rude", &flag, &cause), STORE_OK);
	ASSERT_INT_EQ(store_flag_add(f.st, alice, 999, "x", &flag, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_flags_list(f.st, &fl, &n), STORE_OK);
	flag = n == 1 ? fl[0].id : 0;
	store_flags_free(fl, n);
	ASSERT_INT_EQ(
	    store_flag_dismiss(f.st, &root, flag, "fine", &cause), STORE_OK);
	ASSERT_INT_EQ(store_flag_dismiss(f.st, &root, flag, "fine", &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'flag-dismiss'"),
	    1);
	TEST_DONE();
	fixture_close(&f);
}

/* The key id of the first key of a member, by pseudonym. */
static void
key_of(struct fixture *f, const char *name, char out[9])
{
	struct store_key *k = NULL;
	size_t n, i;

	out[0] = '\0';
	if (store_keys_list(f->st, &k, &n) != STORE_OK)
		return;
	for (i = 0; i < n; i++) {
		if (strcmp(k[i].pseudonym, name) == 0)
			snprintf(out, 9, "%s", k[i].key_id);
	}
	store_keys_free(k, n);
}

static enum store_role
role_of(struct fixture *f, const char *name)
{
	struct store_member *m = NULL;
	enum store_role r = STORE_ROLE_BOT;

	if (store_member_get(f->st, name, &m) == STORE_OK)
		r = m->role;
	store_member_free(m);
	return r;
}

static void
test_two_sysops(void)
{
	struct store_actor s1, s2;
	struct fixture f;
	char *cause = NULL, k3[9];
	int pending = -1;

	fixture_open(&f);
	s1 = (struct store_actor){ fixture_member(&f, "s1", STORE_ROLE_SYSOP),
		"s1" };
	s2 = (struct store_actor){ fixture_member(&f, "s2", STORE_ROLE_SYSOP),
		"s2" };
	fixture_member(&f, "s3", STORE_ROLE_SYSOP);
	fixture_member(&f, "m1", STORE_ROLE_MEMBER);
	key_of(&f, "s3", k3);
	store_set_clock(f.st, 2000000000);

	TEST_START("two sysops: the first demotion request is pending");
	ASSERT_INT_EQ(store_role_set(f.st, &s1, "s3", STORE_ROLE_MEMBER, "why",
	                  &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	ASSERT_INT_EQ(role_of(&f, "s3"), STORE_ROLE_SYSOP);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                            " 'request-demote' AND actor = 's1'"),
	    1);
	TEST_DONE();

	TEST_START("two sysops: the requester repeating changes nothing");
	ASSERT_INT_EQ(store_role_set(f.st, &s1, "s3", STORE_ROLE_MEMBER, NULL,
	                  &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	ASSERT_INT_EQ(role_of(&f, "s3"), STORE_ROLE_SYSOP);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                            " 'request-demote'"),
	    1);
	TEST_DONE();

	TEST_START("two sysops: a second sysop carries it out");
	ASSERT_INT_EQ(store_role_set(f.st, &s2, "s3", STORE_ROLE_MEMBER, "yes",
	                  &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 0);
	ASSERT_INT_EQ(role_of(&f, "s3"), STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                  " 'demote' AND actor = 's2' AND target = 's3'"),
	    1);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM pending"), 0);
	TEST_DONE();

	TEST_START("two sysops: revoking a sysop's key, and expiry");
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "s3",
	                  STORE_ROLE_SYSOP, NULL, &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_key_revoke(f.st, &s1, k3, "lost", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	/* Eight days later the request has lapsed: s2 starts a new one. */
	store_set_clock(f.st, 2000000000 + 8 * 86400);
	ASSERT_INT_EQ(store_key_revoke(f.st, &s2, k3, "lost", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT revoked FROM keys WHERE key_id IN"
	                  " (SELECT key_id FROM keys k JOIN members m ON"
	                  " m.id = k.member_id WHERE m.pseudonym = 's3')"),
	    0);
	/* s2 cannot confirm their own request... */
	ASSERT_INT_EQ(
	    store_key_revoke(f.st, &s2, k3, NULL, &pending, &cause), STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	/* ...but s1 can. */
	ASSERT_INT_EQ(
	    store_key_revoke(f.st, &s1, k3, NULL, &pending, &cause), STORE_OK);
	ASSERT_INT_EQ(pending, 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                            " 'revoke' AND actor = 's1'"),
	    1);
	TEST_DONE();

	TEST_START("two sysops: the console and oneself are exempt");
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "s2",
	                  STORE_ROLE_MEMBER, NULL, &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE actor ="
	                            " 'console' AND act = 'demote'"),
	    1);
	/* Promotion takes two: else a sysop's puppet could confirm for them. */
	ASSERT_INT_EQ(store_role_set(f.st, &s1, "m1", STORE_ROLE_SYSOP, NULL,
	                  &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 1);
	ASSERT_INT_EQ(role_of(&f, "m1"), STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(store_role_set(f.st, &s1, "s1", STORE_ROLE_MEMBER,
	                  "stepping down", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(pending, 0);
	ASSERT_INT_EQ(role_of(&f, "s1"), STORE_ROLE_MEMBER);
	/* s1 is no longer a sysop: their acts are refused. */
	ASSERT_INT_EQ(store_role_set(f.st, &s1, "m1", STORE_ROLE_MEMBER, NULL,
	                  &pending, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	TEST_DONE();
	fixture_close(&f);
}

/* 1 if the bytes of needle appear anywhere in the file at path. */
static int
file_has(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "rb");
	size_t n = strlen(needle), i = 0;
	int c;

	if (fp == NULL)
		return 0;
	while ((c = getc(fp)) != EOF) {
		if (c == needle[i]) {
			if (++i == n)
				break;
		} else
			i = c == needle[0] ? 1 : 0;
	}
	fclose(fp);
	return i == n;
}

/*
 * After test_erase: alice's newest thread t2, post, pin and the flag on
 * it went with her. None of their ids may come back: the log and scripts
 * name things by id.
 */
static void
test_erase_ids(struct fixture *f, int64_t t1, int64_t t2, int64_t flag)
{
	struct store_pin_new pn = { "https://example.org/b", NULL, 0, NULL, 0,
		NULL };
	struct store_thread *list = NULL;
	char *cause = NULL;
	int64_t carol, t3, post, pin, score, flag2;
	size_t n = 0;
	int dup;

	TEST_START("erase-me --posts: no id is used twice after it");
	ASSERT_INT_EQ(raw_int(f->db, "SELECT max(id) FROM threads"), t1);
	carol = fixture_member(f, "carol", STORE_ROLE_MEMBER);
	t3 = fixture_thread(f, carol, "general", "after", "c1", &post);
	ASSERT_TRUE(t3 > t2);
	ASSERT_TRUE(post > raw_int(f->db, "SELECT id FROM id_high WHERE"
	                                  " tbl = 'posts'"));
	ASSERT_INT_EQ(
	    store_pin_add(f->st, carol, &pn, &pin, &dup, &score, &cause),
	    STORE_OK);
	ASSERT_TRUE(pin > 1); /* alice's pin was 1 */
	ASSERT_INT_EQ(
	    store_flag_add(f->st, carol, post, "x", &flag2, &cause), STORE_OK);
	ASSERT_TRUE(flag2 > flag);
	TEST_DONE();

	TEST_START(
	    "erase-me --posts: the opening post gone, replies still count");
	ASSERT_INT_EQ(
	    store_threads_list(f->st, "general", 0, 10, &list, &n), STORE_OK);
	ASSERT_INT_EQ(n, 2);
	ASSERT_INT_EQ(n == 2 ? list[1].id : 0, t1);
	ASSERT_INT_EQ(n == 2 ? list[1].replies : -1, 1); /* bob's */
	ASSERT_INT_EQ(n == 2 ? list[0].replies : -1, 0);
	store_threads_free(list, n);
	TEST_DONE();
}

static void
test_erase(void)
{
	struct store_thread *t = NULL;
	struct fixture f;
	char *cause = NULL, *json = NULL;
	int64_t alice, bob, t1, t2, post, flag;

	fixture_open(&f);
	fixture_board(&f, "general");
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	t1 = fixture_thread(&f, alice, "general", "alice's", "a1", NULL);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, bob, t1, "b1", 2, &post, &cause), STORE_OK);
	t2 = fixture_thread(&f, alice, "general", "lonely", "a2", NULL);

	TEST_START("erase-me: the member goes, the posts stay as [erased]");
	{
		struct store_pin_new pn = { "https://example.org/", NULL, 0,
			NULL, 0, NULL };
		int64_t pin, score;
		int dup, counted;

		ASSERT_INT_EQ(
		    store_pin_add(f.st, alice, &pn, &pin, &dup, &score, &cause),
		    STORE_OK);
		ASSERT_INT_EQ(
		    store_pin_vote(f.st, bob, pin, &score, &counted, &cause),
		    STORE_OK);
		ASSERT_INT_EQ(score, 2);
		ASSERT_INT_EQ(
		    store_member_erase(f.st, bob, 0, &cause), STORE_OK);
		/* bob's vote went with him. */
		ASSERT_INT_EQ(raw_int(f.db, "SELECT score FROM pins"), 1);
	}
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM members"), 1);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM keys"), 1);
	ASSERT_INT_EQ(store_thread_json(f.st, t1, &json), STORE_OK);
	ASSERT_TRUE(json != NULL && strstr(json, "\"author\":\"[erased]\","
	                                         "\"created\"") != NULL);
	free(json);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE act ="
	                            " 'erase-me' AND actor = 'anonymous' AND"
	                            " target NOT LIKE '%bob%'"),
	    1);
	TEST_DONE();

	TEST_START("erase-me --posts: posts go, others' replies stay");
	ASSERT_INT_EQ(store_flag_add(f.st, bob,
	                  raw_int(f.db, "SELECT max(id)"
	                                " FROM posts"),
	                  "spam", &flag, &cause),
	    STORE_OK); /* the newest flag, on alice's newest post */
	ASSERT_INT_EQ(store_member_erase(f.st, alice, 1, &cause), STORE_OK);
	ASSERT_INT_EQ(store_thread_get(f.st, t1, 0, &t), STORE_OK);
	ASSERT_STR_EQ(t != NULL ? t->title : NULL, "alice's");
	ASSERT_STR_EQ(t != NULL ? t->author : NULL, "[erased]");
	store_thread_free(t);
	t = NULL;
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM posts"), 1); /* bob's */
	ASSERT_INT_EQ(store_thread_get(f.st, t2, 0, &t), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM posts_fts WHERE"
	                            " posts_fts MATCH 'a1'"),
	    0);
	/* No trace in the index segments nor the WAL: grep the files. */
	ASSERT_INT_EQ(file_has(f.db, "lonely"), 0);
	{
		char wal[4096];

		snprintf(wal, sizeof wal, "%s-wal", f.db);
		ASSERT_INT_EQ(file_has(wal, "lonely"), 0);
		ASSERT_INT_EQ(file_has(wal, "alice"), 0);
	}
	ASSERT_INT_EQ(
	    store_member_erase(f.st, alice, 1, &cause), STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_check(f.st, &cause), STORE_OK);
	TEST_DONE();

	test_erase_ids(&f, t1, t2, flag);
	fixture_close(&f);
}

int
main(void)
{
	test_acts();
	test_two_sysops();
	test_erase();
	return test_exit();
}
