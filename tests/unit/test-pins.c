/* bbs: ISC licence, see LICENSE. */
/*
 * store/pins.c: pinning, duplicates and votes, the content rules for
 * captions, tags and expiry dates, the rate limit, hot and new order on
 * fixed data, tag and expiry filters, JSON (of the listing, and of what
 * pinning and voting did), discussion threads, "new since your last
 * visit", and what erasing a member does to scores.
 * Every case runs against a real SQLite file in its own temp dir.
 */
#include <sqlite3.h>

#include "store/pins.h"
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

#define T0 1767225600 /* 2026-01-01T00:00:00Z */
#define HOUR 3600

/* Column col of every row of sql, joined with spaces. */
static char *
raw_text(const char *db, const char *sql, int col)
{
	sqlite3_stmt *stmt;
	sqlite3 *h;
	char *out = calloc(1, 4096);
	size_t len = 0;

	if (sqlite3_open(db, &h) != SQLITE_OK)
		return out;
	if (sqlite3_prepare_v2(h, sql, -1, &stmt, NULL) == SQLITE_OK) {
		while (sqlite3_step(stmt) == SQLITE_ROW && len < 3000)
			len += (size_t)snprintf(out + len, 4096 - len, "%s%s",
			    len > 0 ? " " : "", sqlite3_column_text(stmt, col));
	}
	sqlite3_finalize(stmt);
	sqlite3_close(h);
	return out;
}

/* Pins url with a caption and tags; returns r, sets *id. */
static int
pin(struct fixture *f, int64_t member, const char *url, const char *caption,
    const char *const *tags, size_t ntags, const char *expires, int64_t *id,
    int *dup)
{
	struct store_pin_new p = { 0 };
	int64_t score;
	char *cause = NULL;
	int r, d;

	p.url = url;
	p.caption = caption;
	p.caption_len = caption != NULL ? strlen(caption) : 0;
	p.tags = tags;
	p.ntags = ntags;
	p.expires = expires;
	r = store_pin_add(
	    f->st, member, &p, id, dup != NULL ? dup : &d, &score, &cause);
	free(cause);
	return r;
}

/* The ids of a listing, space-separated, into buf. */
static const char *
ids(struct fixture *f, enum store_pin_sort sort, const char *tag, int all,
    char *buf, size_t len)
{
	struct store_pin_query q = { sort, tag, all, 50, 0 };
	struct store_pin *p = NULL;
	char *cause = NULL;
	size_t n, i, off = 0;

	buf[0] = '\0';
	if (store_pins_list(f->st, &q, &p, &n, &cause) != STORE_OK) {
		free(cause);
		snprintf(buf, len, "error");
		return buf;
	}
	for (i = 0; i < n && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, "%s%lld",
		    i > 0 ? " " : "", (long long)p[i].id);
	store_pins_free(p, n);
	return buf;
}

static void
test_add_vote(void)
{
	const char *tags[] = { "Memes", "art", "#memes" };
	struct store_pin *p = NULL;
	struct fixture f;
	int64_t alice, bob, carol, id, id2, score;
	char *cause = NULL;
	int dup, counted;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	carol = fixture_member(&f, "carol", STORE_ROLE_MEMBER);

	TEST_START("pins: a new pin is normalised and has the pinner's vote");
	ASSERT_INT_EQ(pin(&f, alice, "HTTPS://Example.COM/?utm_source=x",
	                  " a\x1b[2J cat\n", tags, 3, NULL, &id, &dup),
	    STORE_OK);
	ASSERT_INT_EQ(dup, 0);
	ASSERT_INT_EQ(store_pin_get(f.st, id, alice, &p), STORE_OK);
	if (p != NULL) {
		ASSERT_STR_EQ(p->url, "https://example.com");
		ASSERT_STR_EQ(p->host, "example.com");
		ASSERT_STR_EQ(p->caption, "a[2J cat");
		ASSERT_STR_EQ(p->tags, "art memes");
		ASSERT_STR_EQ(p->author, "alice");
		ASSERT_INT_EQ(p->score, 1);
		ASSERT_INT_EQ(p->voted, 1);
		ASSERT_STR_EQ(p->expires, "");
		ASSERT_INT_EQ(p->thread, 0);
	}
	store_pin_free(p);
	TEST_DONE();

	TEST_START("pins: an equal link is a vote for the first, once");
	ASSERT_INT_EQ(pin(&f, bob, "https://example.com:443/?fbclid=1", "dup",
	                  NULL, 0, NULL, &id2, &dup),
	    STORE_OK);
	ASSERT_INT_EQ(dup, 1);
	ASSERT_INT_EQ(id2, id);
	ASSERT_INT_EQ(pin(&f, bob, "https://EXAMPLE.com", NULL, NULL, 0, NULL,
	                  &id2, &dup),
	    STORE_OK);
	ASSERT_INT_EQ(dup, 1);
	ASSERT_INT_EQ(pin(&f, alice, "https://example.com/", NULL, NULL, 0,
	                  NULL, &id2, &dup),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT score FROM pins"), 2);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM pins"), 1);
	{
		char *cap = raw_text(f.db, "SELECT caption FROM pins", 0);

		ASSERT_STR_EQ(cap, "a[2J cat"); /* the first pin's */
		free(cap);
	}
	TEST_DONE();

	TEST_START("pins: one vote per member; repeats change nothing");
	ASSERT_INT_EQ(store_pin_vote(f.st, carol, id, &score, &counted, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(counted, 1);
	ASSERT_INT_EQ(score, 3);
	ASSERT_INT_EQ(store_pin_vote(f.st, carol, id, &score, &counted, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(counted, 0);
	ASSERT_INT_EQ(score, 3);
	ASSERT_INT_EQ(
	    store_pin_vote(f.st, carol, 999, &score, &counted, &cause),
	    STORE_ERR_NOT_FOUND);
	ASSERT_TRUE(cause != NULL && strstr(cause, "999") != NULL);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM votes"), 3);
	TEST_DONE();

	TEST_START(
	    "pins: erasing a member takes their votes, keeps their pins");
	{
		sqlite3 *h;

		sqlite3_open(f.db, &h);
		sqlite3_exec(h,
		    "PRAGMA foreign_keys = ON; DELETE FROM members WHERE"
		    " pseudonym IN ('carol', 'alice')",
		    NULL, NULL, NULL);
		sqlite3_close(h);
	}
	ASSERT_INT_EQ(store_pin_get(f.st, id, bob, &p), STORE_OK);
	ASSERT_INT_EQ(p != NULL ? p->score : -1, 1);
	ASSERT_STR_EQ(p != NULL ? p->author : NULL, "[erased]");
	store_pin_free(p);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_rules(void)
{
	const char *five[] = { "a", "b", "c", "d", "e", "A", "#b" };
	const char *six[] = { "a", "b", "c", "d", "e", "f" };
	const char *bad[][1] = { { "no spaces" }, { "" }, { "caf\xc3\xa9" },
		{ "a_b" }, { "#" }, { "a,b" } };
	char caption[600], *cause = NULL, long_tag[26];
	const char *lt[] = { long_tag };
	struct store_pin_new p = { 0 };
	struct fixture f;
	int64_t alice, id, score;
	size_t i;
	int dup;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	store_set_clock(f.st, T0 + 10 * HOUR);

	TEST_START("pins: tags: a-z 0-9 -, 1 to 24, at most five");
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://a.example/1", "", five, 7, NULL, &id, NULL),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM pin_tags"), 5);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://a.example/2", "", six, 6, NULL, &id, NULL),
	    STORE_ERR_INVALID);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ASSERT_INT_EQ(pin(&f, alice, "https://a.example/3", "", bad[i],
		                  1, NULL, &id, NULL),
		    STORE_ERR_INVALID);
	memset(long_tag, 'a', 25);
	long_tag[25] = '\0';
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://a.example/3", "", lt, 1, NULL, &id, NULL),
	    STORE_ERR_INVALID);
	long_tag[24] = '\0';
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://a.example/3", "", lt, 1, NULL, &id, NULL),
	    STORE_OK);
	TEST_DONE();

	TEST_START("pins: expiry: a real date, today or later (UTC)");
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/1", "", NULL, 0,
	                  "2026-01-01", &id, NULL),
	    STORE_OK); /* today */
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/2", "", NULL, 0,
	                  "2025-12-31", &id, NULL),
	    STORE_ERR_INVALID); /* yesterday */
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/2", "", NULL, 0,
	                  "2028-02-29", &id, NULL),
	    STORE_OK); /* a leap day */
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/3", "", NULL, 0,
	                  "2027-02-29", &id, NULL),
	    STORE_ERR_INVALID);
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/3", "", NULL, 0,
	                  "2026-13-01", &id, NULL),
	    STORE_ERR_INVALID);
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/3", "", NULL, 0,
	                  "2026-1-05", &id, NULL),
	    STORE_ERR_INVALID);
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/3", "", NULL, 0,
	                  "2026-06-01x", &id, NULL),
	    STORE_ERR_INVALID);
	ASSERT_INT_EQ(pin(&f, alice, "https://b.example/3", "", NULL, 0,
	                  "+026-06-01", &id, NULL),
	    STORE_ERR_INVALID);
	TEST_DONE();

	TEST_START("pins: captions: one line, at most caption_max characters");
	memset(caption, 'x', sizeof caption);
	p.url = "https://c.example/";
	p.caption = caption;
	p.caption_len = 500;
	ASSERT_INT_EQ(store_pin_add(f.st, alice, &p, &id, &dup, &score, &cause),
	    STORE_OK);
	p.url = "https://c.example/2";
	p.caption_len = 501;
	ASSERT_INT_EQ(store_pin_add(f.st, alice, &p, &id, &dup, &score, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	p.caption = "two\r\nlines\0with a NUL";
	p.caption_len = 21;
	ASSERT_INT_EQ(store_pin_add(f.st, alice, &p, &id, &dup, &score, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM pins WHERE caption"
	                            " = 'two lineswith a NUL'"),
	    1);
	p.url = "https://c.example/3";
	p.caption = "\xff";
	p.caption_len = 1;
	ASSERT_INT_EQ(store_pin_add(f.st, alice, &p, &id, &dup, &score, &cause),
	    STORE_ERR_INVALID);
	free(cause), cause = NULL;
	p.url = "javascript:alert(1)";
	p.caption = "ok";
	p.caption_len = 2;
	ASSERT_INT_EQ(store_pin_add(f.st, alice, &p, &id, &dup, &score, &cause),
	    STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "http") != NULL);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM pins WHERE url"
	                            " LIKE 'https://c.example/3%'"),
	    0);
	TEST_DONE();

	TEST_START("pins: new pins are rate limited; duplicates still vote");
	store_set_clock(f.st, T0 + 20 * HOUR);
	ASSERT_INT_EQ(store_setting_set(f.st, "rate_pins", "2", &cause), 0);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://d.example/1", "", NULL, 0, NULL, &id, NULL),
	    STORE_OK);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://d.example/2", "", NULL, 0, NULL, &id, NULL),
	    STORE_OK);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://d.example/3", "", NULL, 0, NULL, &id, NULL),
	    STORE_ERR_RATE);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://d.example/1", "", NULL, 0, NULL, &id, &dup),
	    STORE_OK);
	ASSERT_INT_EQ(dup, 1);
	store_set_clock(f.st, T0 + 20 * HOUR + 61);
	ASSERT_INT_EQ(
	    pin(&f, alice, "https://d.example/3", "", NULL, 0, NULL, &id, NULL),
	    STORE_OK);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_order(void)
{
	struct fixture f;
	int64_t m[4], a, b, c, d, e, score;
	char buf[256], *cause = NULL, *plan;
	int counted, i;

	fixture_open(&f);
	m[0] = fixture_member(&f, "m0", STORE_ROLE_MEMBER);
	m[1] = fixture_member(&f, "m1", STORE_ROLE_MEMBER);
	m[2] = fixture_member(&f, "m2", STORE_ROLE_MEMBER);
	m[3] = fixture_member(&f, "m3", STORE_ROLE_MEMBER);

	/*
	 * Weights at T0 + 48h, score halving per day of age:
	 * b 4/2 = 2, e 3/2 = 1.5, a 1/1 = 1, d 1/2^(2/24) = 0.94,
	 * c 2/4 = 0.5.
	 */
	store_set_clock(f.st, T0);
	pin(&f, m[0], "https://c.example/", "", NULL, 0, NULL, &c, NULL);
	store_pin_vote(f.st, m[1], c, &score, &counted, &cause);
	store_set_clock(f.st, T0 + 24 * HOUR);
	pin(&f, m[0], "https://b.example/", "", NULL, 0, NULL, &b, NULL);
	pin(&f, m[0], "https://e.example/", "", NULL, 0, NULL, &e, NULL);
	for (i = 1; i < 4; i++)
		store_pin_vote(f.st, m[i], b, &score, &counted, &cause);
	for (i = 1; i < 3; i++)
		store_pin_vote(f.st, m[i], e, &score, &counted, &cause);
	store_set_clock(f.st, T0 + 46 * HOUR);
	pin(&f, m[0], "https://d.example/", "", NULL, 0, NULL, &d, NULL);
	store_set_clock(f.st, T0 + 48 * HOUR);
	pin(&f, m[0], "https://a.example/", "", NULL, 0, NULL, &a, NULL);

	TEST_START("pins: hot ranks score halved per day of age");
	snprintf(buf, sizeof buf, "%lld %lld %lld %lld %lld", (long long)b,
	    (long long)e, (long long)a, (long long)d, (long long)c);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_HOT, NULL, 0, buf + 100, 100), buf);
	TEST_DONE();

	TEST_START("pins: the hot order does not drift as time passes");
	store_set_clock(f.st, T0 + 1000 * HOUR);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_HOT, NULL, 0, buf + 100, 100), buf);
	TEST_DONE();

	TEST_START("pins: a vote moves a pin up");
	store_pin_vote(f.st, m[1], c, &score, &counted, &cause); /* again */
	store_pin_vote(f.st, m[2], c, &score, &counted, &cause);
	store_pin_vote(f.st, m[3], c, &score, &counted, &cause);
	ASSERT_INT_EQ(score, 4); /* 4/4 = 1, older than a: just after it */
	snprintf(buf, sizeof buf, "%lld %lld %lld %lld %lld", (long long)b,
	    (long long)e, (long long)a, (long long)c, (long long)d);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_HOT, NULL, 0, buf + 100, 100), buf);
	TEST_DONE();

	TEST_START("pins: new is newest first");
	snprintf(buf, sizeof buf, "%lld %lld %lld %lld %lld", (long long)a,
	    (long long)d, (long long)e, (long long)b, (long long)c);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_NEW, NULL, 0, buf + 100, 100), buf);
	TEST_DONE();

	TEST_START("pins: a hot page is one query walking the index");
	plan = raw_text(f.db,
	    "EXPLAIN QUERY PLAN SELECT p.id FROM pins p WHERE"
	    " (p.expires IS NULL OR p.expires >= '2026-01-01')"
	    " ORDER BY p.hot DESC, p.id DESC LIMIT 50",
	    3);
	ASSERT_TRUE(strstr(plan, "pins_hot") != NULL);
	ASSERT_TRUE(strstr(plan, "TEMP B-TREE") == NULL);
	free(plan);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_filters(void)
{
	struct store_pin_query q = { STORE_PINS_NEW, NULL, 0, 50, 0 };
	struct store_pin *p = NULL;
	struct fixture f;
	int64_t alice, a, b, c;
	char buf[128], want[64], *cause = NULL, *json = NULL;
	size_t n;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	store_set_clock(f.st, T0 + 14 * HOUR + 59);
	pin(&f, alice, "https://a.example/", "march",
	    (const char *[]){ "protest", "event" }, 2, "2026-01-02", &a, NULL);
	pin(&f, alice, "https://b.example/", "meme",
	    (const char *[]){ "memes" }, 1, NULL, &b, NULL);
	pin(&f, alice, "https://c.example/", "today only",
	    (const char *[]){ "event" }, 1, "2026-01-01", &c, NULL);

	TEST_START("pins: the tag filter");
	snprintf(want, sizeof want, "%lld %lld", (long long)c, (long long)a);
	ASSERT_STR_EQ(
	    ids(&f, STORE_PINS_NEW, "event", 0, buf, sizeof buf), want);
	ASSERT_STR_EQ(
	    ids(&f, STORE_PINS_HOT, "EVENT", 0, buf, sizeof buf), want);
	ASSERT_STR_EQ(
	    ids(&f, STORE_PINS_NEW, "nosuch", 0, buf, sizeof buf), "");
	q.tag = "not a tag";
	ASSERT_INT_EQ(
	    store_pins_list(f.st, &q, &p, &n, &cause), STORE_ERR_INVALID);
	free(cause), cause = NULL;
	q.tag = NULL;
	TEST_DONE();

	TEST_START("pins: expired pins leave the listing, stay with --all");
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)c,
	    (long long)b, (long long)a);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_NEW, NULL, 0, buf, sizeof buf), want);
	store_set_clock(f.st, T0 + 24 * HOUR); /* 2026-01-02: c expired */
	snprintf(want, sizeof want, "%lld %lld", (long long)b, (long long)a);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_NEW, NULL, 0, buf, sizeof buf), want);
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)c,
	    (long long)b, (long long)a);
	ASSERT_STR_EQ(ids(&f, STORE_PINS_NEW, NULL, 1, buf, sizeof buf), want);
	q.all = 1;
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	ASSERT_INT_EQ(n == 3 ? p[0].expired : -1, 1);
	ASSERT_INT_EQ(n == 3 ? p[2].expired : -1, 0);
	ASSERT_STR_EQ(n == 3 ? p[0].expires : NULL, "2026-01-01");
	store_pins_free(p, n);
	q.limit = 2;
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n, 2);
	store_pins_free(p, n);
	TEST_DONE();

	TEST_START("pins: JSON has the SPEC's fields");
	q.limit = 1;
	q.all = 1;
	ASSERT_INT_EQ(store_pins_json(f.st, &q, &json, &cause), STORE_OK);
	snprintf(buf, sizeof buf,
	    "[{\"id\":%lld,\"url\":\"https://c.example\",\"href\":"
	    "\"https://c.example\",\"caption\":\"today only\",\"tags\":"
	    "[\"event\"],\"author\":\"alice\",",
	    (long long)c);
	ASSERT_TRUE(json != NULL && strncmp(json, buf, strlen(buf)) == 0);
	ASSERT_TRUE(
	    json != NULL &&
	    strstr(json, "\"created\":\"2026-01-01T14:00:00Z\",\"score\":1,"
	                 "\"expires\":\"2026-01-01\",\"expired\":true,"
	                 "\"thread\":null}]") != NULL);
	if (test_case_failed)
		fprintf(stderr, "  json: %s\n", json);
	free(json);
	q.tag = "nosuch";
	ASSERT_INT_EQ(store_pins_json(f.st, &q, &json, &cause), STORE_OK);
	ASSERT_STR_EQ(json, "[]");
	free(json);
	q.tag = "memes";
	q.all = 0;
	ASSERT_INT_EQ(store_pins_json(f.st, &q, &json, &cause), STORE_OK);
	ASSERT_TRUE(json != NULL && strstr(json, "\"expires\":null") != NULL);
	ASSERT_TRUE(
	    json != NULL && strstr(json, "\"tags\":[\"memes\"]") != NULL);
	free(json);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_thread(void)
{
	struct store_pin *p = NULL;
	struct store_thread *t = NULL;
	struct fixture f;
	int64_t alice, bob, id, id2, th, th2, post;
	char *cause = NULL;
	int created;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	pin(&f, alice, "https://a.example/x", "Climate march", NULL, 0, NULL,
	    &id, NULL);
	pin(&f, alice, "https://b.example/y", "", NULL, 0, NULL, &id2, NULL);

	TEST_START("pins: d starts a discussion thread on the board pins");
	ASSERT_INT_EQ(
	    store_pin_thread(f.st, bob, id, &th, &created, &cause), STORE_OK);
	ASSERT_INT_EQ(created, 1);
	ASSERT_INT_EQ(store_thread_get(f.st, th, bob, &t), STORE_OK);
	ASSERT_STR_EQ(t != NULL ? t->board : NULL, "pins");
	ASSERT_STR_EQ(t != NULL ? t->title : NULL, "Climate march");
	ASSERT_STR_EQ(t != NULL ? t->author : NULL, "bob");
	store_thread_free(t);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                  " actor = 'console' AND act = 'board-create'"
	                  " AND target = 'pins'"),
	    1);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM posts WHERE body ="
	                            " 'Pin #1: https://a.example/x\n\n"
	                            "Climate march'"),
	    1);
	TEST_DONE();

	TEST_START("pins: d again opens the same thread; others see it");
	ASSERT_INT_EQ(store_pin_thread(f.st, alice, id, &th2, &created, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(created, 0);
	ASSERT_INT_EQ(th2, th);
	ASSERT_INT_EQ(
	    store_post_reply(f.st, bob, th, "Count me in", 11, &post, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_pin_get(f.st, id, alice, &p), STORE_OK);
	if (p != NULL) {
		ASSERT_INT_EQ(p->thread, th);
		ASSERT_INT_EQ(p->replies, 1);
		ASSERT_INT_EQ(p->unread, 2); /* she has read none */
	}
	store_pin_free(p);
	ASSERT_INT_EQ(store_pin_get(f.st, id, bob, &p), STORE_OK);
	ASSERT_INT_EQ(p != NULL ? p->unread : -1, 0); /* he wrote both */
	store_pin_free(p);
	TEST_DONE();

	TEST_START("pins: a pin without a caption is titled by its link");
	ASSERT_INT_EQ(
	    store_pin_thread(f.st, bob, id2, &th2, &created, &cause), STORE_OK);
	ASSERT_INT_EQ(store_thread_get(f.st, th2, bob, &t), STORE_OK);
	ASSERT_STR_EQ(t != NULL ? t->title : NULL, "https://b.example/y");
	store_thread_free(t);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM boards"), 1);
	ASSERT_INT_EQ(store_pin_thread(f.st, bob, 999, &th2, &created, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("pins: a sysop-only pins board refuses members");
	pin(&f, alice, "https://c.example/", "", NULL, 0, NULL, &id, NULL);
	{
		sqlite3 *h;

		sqlite3_open(f.db, &h);
		sqlite3_exec(h, "UPDATE boards SET post_role = 'sysop'", NULL,
		    NULL, NULL);
		sqlite3_close(h);
	}
	ASSERT_INT_EQ(store_pin_thread(f.st, bob, id, &th2, &created, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	TEST_DONE();
	fixture_close(&f);
}

static void
test_seen(void)
{
	struct store_pin_query q = { STORE_PINS_NEW, NULL, 0, 50, 0 };
	struct store_pin *p = NULL;
	struct fixture f;
	int64_t alice, bob, a, b, c;
	char *cause = NULL;
	size_t n;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	pin(&f, bob, "https://a.example/", "", NULL, 0, NULL, &a, NULL);
	pin(&f, bob, "https://b.example/", "", NULL, 0, NULL, &b, NULL);
	q.member = alice;

	TEST_START("pins: pins since the last visit are new to a member");
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n == 2 ? p[0].unseen + p[1].unseen : -1, 2);
	store_pins_free(p, n);
	ASSERT_INT_EQ(store_pins_seen(f.st, alice, b), STORE_OK);
	ASSERT_INT_EQ(store_pins_seen(f.st, alice, a), STORE_OK); /* no back */
	pin(&f, bob, "https://c.example/", "", NULL, 0, NULL, &c, NULL);
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	if (n == 3) {
		ASSERT_INT_EQ(p[0].id, c);
		ASSERT_INT_EQ(p[0].unseen, 1);
		ASSERT_INT_EQ(p[1].unseen, 0);
		ASSERT_INT_EQ(p[2].unseen, 0);
		ASSERT_INT_EQ(p[0].voted, 0);
	}
	store_pins_free(p, n);
	TEST_DONE();

	TEST_START("pins: a member's own pins are never new to them");
	q.member = bob;
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	ASSERT_INT_EQ(n == 3 ? p[0].unseen + p[1].unseen + p[2].unseen : -1, 0);
	store_pins_free(p, n);
	q.member = alice;
	TEST_DONE();

	TEST_START("pins: forgetting reads forgets the last visit");
	ASSERT_INT_EQ(store_reads_forget(f.st, alice), STORE_OK);
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n == 3 ? p[0].unseen + p[1].unseen + p[2].unseen : -1, 3);
	store_pins_free(p, n);
	q.member = 0;
	ASSERT_INT_EQ(store_pins_list(f.st, &q, &p, &n, &cause), STORE_OK);
	ASSERT_INT_EQ(n == 3 ? p[0].unseen : -1, 0);
	store_pins_free(p, n);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_outcome_json(void)
{
	struct fixture f;
	char *json = NULL;

	fixture_open(&f);

	TEST_START("pins: pin --json and vote --json say what happened");
	ASSERT_INT_EQ(store_pin_added_json(f.st, 7, 0, 1, &json), STORE_OK);
	ASSERT_STR_EQ(json, "{\"id\":7,\"duplicate\":false,\"score\":1}");
	free(json);
	ASSERT_INT_EQ(store_pin_added_json(f.st, 2, 1, 12, &json), STORE_OK);
	ASSERT_STR_EQ(json, "{\"id\":2,\"duplicate\":true,\"score\":12}");
	free(json);
	ASSERT_INT_EQ(store_pin_voted_json(f.st, 1, 3, 0, &json), STORE_OK);
	ASSERT_STR_EQ(json, "{\"id\":1,\"score\":3,\"counted\":false}");
	free(json);
	ASSERT_INT_EQ(store_pin_voted_json(f.st, 9, 4, 1, &json), STORE_OK);
	ASSERT_STR_EQ(json, "{\"id\":9,\"score\":4,\"counted\":true}");
	free(json);
	TEST_DONE();
	fixture_close(&f);
}

int
main(void)
{
	test_add_vote();
	test_rules();
	test_order();
	test_filters();
	test_thread();
	test_seen();
	test_outcome_json();
	return test_exit();
}
