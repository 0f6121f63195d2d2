/* bbs: ISC licence, see LICENSE. */
/*
 * The front door (SPEC section 10): invitations and their caps, joining
 * (one transaction, every bad code alike, nothing written by a failed
 * join), applicants and vouches, admission and rejection, the 14-day
 * expiry on the store's clock, public boards and a guest's public-only
 * store; then the exec commands a guest, an applicant and a member run,
 * against a real store in a temp dir. And the promise the section makes:
 * once a newcomer is admitted, nothing in the database file says who
 * invited or vouched for them.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bbs/cmd/cmd.h"
#include "keys/invite.h"
#include "keys/keys.h"
#include "store/guest.h"
#include "store/invites.h"
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"
#include "util/buf.h"

#define DAY 86400
#define T0 1800000000 /* 2027-01-15T08:00:00Z, an hour */

/* Real key lines (tests/unit/test-keys.c), for the newcomers of join. */
static const char key_ed25519[] =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM55/EwB/2LgA6bcl/D9gbp2eaIDoopw"
    "MM4Tzgl0s6kw nina@laptop\n";
static const char key_ecdsa[] =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYA"
    "AABBBESzJM8oEeY6E62a3l0FetN9ZQhfkDxDFDS9zozSng9iFiRofVlrXW7JqBbVXu4d"
    "ptJ7noPdX3HyiysZJSkI6Rk= olga\n";
static const char key_rsa1024[] =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC5t3sVPCt2+Yce6omQ5q2dEtcRIj7iKK7f"
    "eGsXExP/cKUWFKTZ/jhfs/8n64WikfhJiIfLIusJtPWlZiFIOmlxsZroeE/NlPGwgpWpsG1J"
    "hBq7gdZy/FXkKCWvRiKZLJkKGsKLGgHgtY0GeqOfcEIBBkkep6qZ+oaFqAicLlo6CQ== x\n";

/* A hash standing for a code or a key, at the store's level. */
static void
fake_hash(uint8_t h[STORE_HASH_LEN], int seed)
{
	memset(h, 0, STORE_HASH_LEN);
	h[0] = 0xa5;
	h[1] = (uint8_t)seed;
	h[2] = (uint8_t)(seed >> 8);
}

/*
 * Every row of every table of the database, as text: two equal dumps mean
 * nothing was written in between.
 */
static char *
db_dump(const char *db)
{
	sqlite3_stmt *tables, *rows;
	struct buf b;
	sqlite3 *h;
	char *sql;
	int i;

	buf_init(&b);
	if (sqlite3_open(db, &h) != SQLITE_OK)
		exit(2);
	if (sqlite3_prepare_v2(h,
	        "SELECT name FROM sqlite_master WHERE type = 'table'"
	        " ORDER BY name",
	        -1, &tables, NULL) != SQLITE_OK)
		exit(2);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		if (asprintf(&sql, "SELECT * FROM \"%s\"",
		        sqlite3_column_text(tables, 0)) < 0)
			exit(2);
		buf_printf(&b, "[%s]\n", sqlite3_column_text(tables, 0));
		if (sqlite3_prepare_v2(h, sql, -1, &rows, NULL) == SQLITE_OK) {
			while (sqlite3_step(rows) == SQLITE_ROW) {
				for (i = 0; i < sqlite3_column_count(rows); i++)
					buf_printf(&b, "%s|",
					    sqlite3_column_type(rows, i) ==
					            SQLITE_BLOB
					        ? "(blob)"
					        : (const char *)
					              sqlite3_column_text(
					                  rows, i));
				buf_addc(&b, '\n');
			}
			sqlite3_finalize(rows);
		}
		free(sql);
	}
	sqlite3_finalize(tables);
	sqlite3_close(h);
	buf_addc(&b, '\0');
	return buf_take(&b);
}

/*
 * The rows anywhere that refer to member id (by a foreign key to
 * members), outside the tables in allowed (space-separated names), and
 * the rows that refer to both a and b: what would tie two members.
 */
static int64_t
db_links(const char *db, int64_t id, const char *allowed, int64_t a, int64_t b)
{
	sqlite3_stmt *tables, *fks, *q;
	char *sql, cols[8][64];
	int64_t found = 0;
	int ncols, i, j;
	sqlite3 *h;

	if (sqlite3_open(db, &h) != SQLITE_OK)
		exit(2);
	sqlite3_prepare_v2(h,
	    "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &tables,
	    NULL);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);
		char word[80];

		ncols = 0;
		if (asprintf(&sql, "PRAGMA foreign_key_list(\"%s\")", t) < 0)
			exit(2);
		sqlite3_prepare_v2(h, sql, -1, &fks, NULL);
		free(sql);
		while (sqlite3_step(fks) == SQLITE_ROW && ncols < 8) {
			if (strcmp((const char *)sqlite3_column_text(fks, 2),
			        "members") == 0)
				snprintf(cols[ncols++], sizeof cols[0], "%s",
				    sqlite3_column_text(fks, 3));
		}
		sqlite3_finalize(fks);
		snprintf(word, sizeof word, " %s ", t);
		for (i = 0; i < ncols; i++) {
			/* Rows of id outside the allowed tables. */
			if (strstr(allowed, word) == NULL) {
				if (asprintf(&sql,
				        "SELECT count(*) FROM \"%s\" WHERE "
				        "\"%s\" = %lld",
				        t, cols[i], (long long)id) < 0)
					exit(2);
				if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) ==
				        SQLITE_OK &&
				    sqlite3_step(q) == SQLITE_ROW)
					found += sqlite3_column_int64(q, 0);
				sqlite3_finalize(q);
				free(sql);
			}
			/* Rows naming a in one column and b in another. */
			for (j = 0; j < ncols; j++) {
				if (i == j)
					continue;
				if (asprintf(&sql,
				        "SELECT count(*) FROM \"%s\" WHERE "
				        "\"%s\" = %lld AND \"%s\" = %lld",
				        t, cols[i], (long long)a, cols[j],
				        (long long)b) < 0)
					exit(2);
				if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) ==
				        SQLITE_OK &&
				    sqlite3_step(q) == SQLITE_ROW)
					found += sqlite3_column_int64(q, 0);
				sqlite3_finalize(q);
				free(sql);
			}
		}
	}
	sqlite3_finalize(tables);
	sqlite3_close(h);
	return found;
}

/* Whether the file at path holds the bytes b (a deleted hash, say). */
static int
file_holds(const char *path, const uint8_t *b, size_t len)
{
	struct buf f;
	char chunk[65536];
	ssize_t n;
	int fd, found;

	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	buf_init(&f);
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&f, chunk, (size_t)n);
	close(fd);
	found = f.len >= len && memmem(f.data, f.len, b, len) != NULL;
	buf_free(&f);
	return found;
}

static off_t
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? sb.st_size : 0;
}

static int64_t
member_id(struct fixture *f, const char *name)
{
	struct store_member *m = NULL;
	int64_t id = 0;

	if (store_member_get(f->st, name, &m) == STORE_OK)
		id = m->id;
	store_member_free(m);
	return id;
}

/* A join at the store's level; the status, and *res. */
static int
join(struct fixture *f, struct store *st, int code, const char *name, int key,
    struct store_join_result *res)
{
	struct store_join j;
	struct store_join_result ignored;
	uint8_t c[STORE_HASH_LEN], k[STORE_HASH_LEN];
	char id[STORE_KEY_ID_LEN + 1], *cause = NULL;
	int r;

	fake_hash(c, code);
	fake_hash(k, 1000 + key);
	keys_id_format(k, id);
	/* A key id of its own, from the seed. */
	id[0] = (char)('a' + key % 26);
	id[1] = (char)('a' + key / 26 % 26);
	j.code = c;
	j.pseudonym = name;
	j.hash = k;
	j.key_id = id;
	r = store_join(
	    st != NULL ? st : f->st, &j, res ? res : &ignored, &cause);
	if (r == STORE_ERR_NOT_FOUND &&
	    (cause == NULL || strcmp(cause, "no such invitation") != 0))
		TEST_FAIL("a bad code said \"%s\"", cause ? cause : "");
	free(cause);
	return r;
}

static int
invite(struct fixture *f, int64_t member, int code, struct store_invite *out)
{
	struct store_invite ignored;
	uint8_t c[STORE_HASH_LEN];
	char *cause = NULL;
	int r;

	fake_hash(c, code);
	r = store_invite_create(f->st, member, c, out ? out : &ignored, &cause);
	free(cause);
	return r;
}

static int
vouch(struct fixture *f, int64_t member, const char *name, int64_t *count,
    int *admitted)
{
	struct store_applicant a;
	char *cause = NULL;
	int r, adm = 0;

	r = store_vouch(f->st, member, name, &a, &adm, &cause);
	if (count != NULL)
		*count = a.vouches;
	if (admitted != NULL)
		*admitted = adm;
	store_applicant_clear(&a);
	free(cause);
	return r;
}

static void
test_invites(void)
{
	struct store_invite *v = NULL, inv;
	struct fixture f;
	char *json = NULL, *cause = NULL;
	int64_t alice, root, bot;
	size_t n = 0;
	int i;

	fixture_open(&f);
	store_set_clock(f.st, T0 + 1800);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	root = fixture_member(&f, "root", STORE_ROLE_SYSOP);
	bot = fixture_member(&f, "newsbot", STORE_ROLE_BOT);

	TEST_START("invites: a member holds three, numbered for them alone");
	ASSERT_INT_EQ(invite(&f, alice, 1, &inv), STORE_OK);
	ASSERT_INT_EQ(inv.id, 1);
	ASSERT_INT_EQ(inv.created, T0);
	/* Seven days at least: the end rounded up to the hour. */
	ASSERT_INT_EQ(inv.expires, T0 + 7 * DAY + 3600);
	ASSERT_INT_EQ(invite(&f, root, 2, &inv), STORE_OK);
	ASSERT_INT_EQ(inv.id, 1);
	ASSERT_INT_EQ(invite(&f, alice, 3, &inv), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 4, &inv), STORE_OK);
	ASSERT_INT_EQ(inv.id, 3);
	ASSERT_INT_EQ(invite(&f, alice, 5, NULL), STORE_ERR_RATE);
	ASSERT_INT_EQ(store_invites_list(f.st, alice, &v, &n), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	store_invites_free(v, n);
	ASSERT_INT_EQ(store_invites_json(f.st, root, &json), STORE_OK);
	ASSERT_STR_EQ(json, "[{\"id\":1,\"created\":\"2027-01-15T08:00:00Z\","
	                    "\"expires\":\"2027-01-22T09:00:00Z\"}]");
	free(json);
	TEST_DONE();

	TEST_START("invites: sysops hold twenty; bots none");
	for (i = 0; i < 19; i++)
		ASSERT_INT_EQ(invite(&f, root, 100 + i, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, root, 200, NULL), STORE_ERR_RATE);
	ASSERT_INT_EQ(invite(&f, bot, 201, NULL), STORE_ERR_PERM);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "invite_open_max", "4", &cause), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 5, NULL), STORE_OK);
	TEST_DONE();

	TEST_START("invites: revoking one's own; another's is not there");
	ASSERT_INT_EQ(store_invite_revoke(f.st, alice, 2, &cause), STORE_OK);
	ASSERT_INT_EQ(
	    store_invite_revoke(f.st, alice, 2, &cause), STORE_ERR_NOT_FOUND);
	ASSERT_STR_EQ(cause, "you have no open invitation 2");
	free(cause), cause = NULL;
	ASSERT_INT_EQ(
	    store_invite_revoke(f.st, alice, 20, &cause), STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_invites_list(f.st, alice, &v, &n), STORE_OK);
	ASSERT_INT_EQ(n, 3);
	ASSERT_INT_EQ(n == 3 ? v[0].id * 100 + v[1].id * 10 + v[2].id : 0, 134);
	store_invites_free(v, n);
	TEST_DONE();

	TEST_START("invites: expired ones leave the list and the file");
	store_set_clock(f.st, T0 + 7 * DAY + 3600);
	ASSERT_INT_EQ(store_invites_list(f.st, alice, &v, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_invites_free(v, n);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM invites") > 0, 1);
	ASSERT_INT_EQ(store_front_prune(f.st), STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM invites"), 0);
	ASSERT_INT_EQ(invite(&f, alice, 6, &inv), STORE_OK);
	ASSERT_INT_EQ(inv.id, 1);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_join(void)
{
	struct store_join_result res;
	struct store_login login;
	struct store_member *m = NULL;
	struct fixture f;
	uint8_t k[STORE_HASH_LEN];
	char *before, *after, *cause = NULL;
	int64_t alice, root;

	fixture_open(&f);
	store_set_clock(f.st, T0);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	root = fixture_member(&f, "root", STORE_ROLE_SYSOP);
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);

	TEST_START("join: a failed join writes nothing, the code still works");
	before = db_dump(f.db);
	ASSERT_INT_EQ(join(&f, NULL, 2, "nina", 1, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(join(&f, NULL, 1, "Alice", 1, NULL), STORE_ERR_EXISTS);
	ASSERT_INT_EQ(join(&f, NULL, 1, "x", 1, NULL), STORE_ERR_INVALID);
	ASSERT_INT_EQ(join(&f, NULL, 1, "console", 1, NULL), STORE_ERR_INVALID);
	/* A registered key: alice's (the fixture hashes the name). */
	{
		uint8_t c[STORE_HASH_LEN];
		struct store_join j;

		crypto_generichash(
		    k, sizeof k, (const uint8_t *)"alice", 5, NULL, 0);
		fake_hash(c, 1);
		j.code = c;
		j.pseudonym = "nina";
		j.hash = k;
		j.key_id = "zzzzzzzz";
		ASSERT_INT_EQ(
		    store_join(f.st, &j, &res, &cause), STORE_ERR_EXISTS);
		ASSERT_STR_EQ(cause, "this key is already registered; make a "
		                     "new key for this board");
		free(cause), cause = NULL;
	}
	after = db_dump(f.db);
	ASSERT_STR_EQ(after, before);
	free(after);
	free(before);
	TEST_DONE();

	TEST_START("join: a good code makes a member and is used up");
	ASSERT_INT_EQ(join(&f, NULL, 1, "nina", 1, &res), STORE_OK);
	ASSERT_INT_EQ(res.role, STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM invites"), 0);
	ASSERT_INT_EQ(store_member_get(f.st, "nina", &m), STORE_OK);
	ASSERT_INT_EQ(m != NULL ? (int)m->role : -1, STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(m != NULL ? m->keys : -1, 1);
	store_member_free(m);
	fake_hash(k, 1001);
	ASSERT_INT_EQ(store_login(f.st, k, &login), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 1, "nina2", 2, NULL), STORE_ERR_NOT_FOUND);
	TEST_DONE();

	TEST_START("join: revoked, expired and orphaned codes are all no code");
	ASSERT_INT_EQ(invite(&f, alice, 3, NULL), STORE_OK);
	ASSERT_INT_EQ(store_invite_revoke(f.st, alice, 1, &cause), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 3, "olga", 3, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(invite(&f, alice, 4, NULL), STORE_OK);
	store_set_clock(f.st, T0 + 7 * DAY);
	ASSERT_INT_EQ(join(&f, NULL, 4, "olga", 3, NULL), STORE_ERR_NOT_FOUND);
	store_set_clock(f.st, T0);
	ASSERT_INT_EQ(invite(&f, root, 5, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 6, NULL), STORE_OK);
	/* The inviter's keys revoked: their codes die with them. */
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE keys SET revoked = 1 WHERE"
	                            " member_id = (SELECT id FROM members"
	                            " WHERE pseudonym = 'alice')"),
	    0);
	ASSERT_INT_EQ(join(&f, NULL, 6, "olga", 3, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(join(&f, NULL, 5, "olga", 3, &res), STORE_OK);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_vouches(void)
{
	struct store_applicant *a = NULL;
	struct store_join_result res;
	struct store_login login;
	struct store_member *m = NULL;
	struct store *st2 = NULL;
	struct fixture f;
	uint8_t code[STORE_HASH_LEN], k[STORE_HASH_LEN];
	char *cause = NULL, *wal = NULL, *json = NULL;
	int64_t alice, bob, carol, nina, count = 0, tid = 0, pid = 0;
	int admitted = 0;
	size_t n = 0;

	fixture_open(&f);
	store_set_clock(f.st, T0);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	carol = fixture_member(&f, "carol", STORE_ROLE_SYSOP);
	fixture_board(&f, "general");
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "join_vouches", "3", &cause), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);

	TEST_START("vouch: below join_vouches a newcomer is an applicant");
	ASSERT_INT_EQ(join(&f, NULL, 1, "nina", 1, &res), STORE_OK);
	ASSERT_INT_EQ(res.role, STORE_ROLE_APPLICANT);
	ASSERT_INT_EQ(res.vouches, 1);
	ASSERT_INT_EQ(res.needed, 3);
	nina = member_id(&f, "nina");
	ASSERT_INT_EQ(store_member_get(f.st, "nina", &m), STORE_OK);
	ASSERT_STR_EQ(store_role_name(m != NULL ? m->role : 0), "applicant");
	store_member_free(m);
	/* The key logs in: the lookup finds it. */
	fake_hash(k, 1001);
	ASSERT_INT_EQ(store_login(f.st, k, &login), STORE_OK);
	ASSERT_INT_EQ(login.member_id, nina);
	ASSERT_INT_EQ(store_applicants_list(f.st, &a, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_STR_EQ(n == 1 ? a[0].pseudonym : NULL, "nina");
	ASSERT_INT_EQ(n == 1 ? a[0].vouches * 10 + a[0].needed : 0, 13);
	ASSERT_INT_EQ(n == 1 ? a[0].expires : 0, T0 + 14 * DAY);
	store_applicants_free(a, n);
	ASSERT_INT_EQ(store_applicants_json(f.st, &json), STORE_OK);
	ASSERT_STR_EQ(json, "[{\"pseudonym\":\"nina\",\"vouches\":1,"
	                    "\"needed\":3,\"expires\":"
	                    "\"2027-01-29T08:00:00Z\"}]");
	free(json);
	TEST_DONE();

	TEST_START("vouch: an applicant writes nothing");
	ASSERT_INT_EQ(store_open(f.db, &st2, &cause), STORE_OK);
	store_set_login(st2, login.key_row);
	ASSERT_INT_EQ(store_thread_create(st2, nina, "general", "hello", "body",
	                  4, &tid, &pid, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("vouch: once a member; oneself 77, no applicant 66");
	ASSERT_INT_EQ(vouch(&f, alice, "nina", &count, &admitted), STORE_OK);
	ASSERT_INT_EQ(count, 1); /* the invitation was alice's vouch */
	ASSERT_INT_EQ(vouch(&f, nina, "nina", NULL, NULL), STORE_ERR_PERM);
	ASSERT_INT_EQ(vouch(&f, bob, "bob", NULL, NULL), STORE_ERR_PERM);
	ASSERT_INT_EQ(vouch(&f, bob, "alice", NULL, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(
	    vouch(&f, bob, "nobody", NULL, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(vouch(&f, bob, "NINA", &count, &admitted), STORE_OK);
	ASSERT_INT_EQ(count * 10 + admitted, 20);
	ASSERT_INT_EQ(vouch(&f, bob, "nina", &count, &admitted), STORE_OK);
	ASSERT_INT_EQ(count * 10 + admitted, 20);
	TEST_DONE();

	TEST_START("vouch: the last vouch admits; nothing says who vouched");
	ASSERT_INT_EQ(vouch(&f, carol, "nina", &count, &admitted), STORE_OK);
	ASSERT_INT_EQ(count * 10 + admitted, 31);
	ASSERT_INT_EQ(store_member_get(f.st, "nina", &m), STORE_OK);
	ASSERT_INT_EQ(m != NULL ? (int)m->role : -1, STORE_ROLE_MEMBER);
	store_member_free(m);
	/* The WAL is checkpointed and emptied. */
	if (asprintf(&wal, "%s-wal", f.db) < 0)
		exit(2);
	ASSERT_INT_EQ(file_size(wal), 0);
	/* No row outside members and keys names nina; none ties two. */
	ASSERT_INT_EQ(db_links(f.db, nina, " members keys ", nina, alice), 0);
	ASSERT_INT_EQ(db_links(f.db, alice, " members keys ", alice, nina), 0);
	ASSERT_INT_EQ(db_links(f.db, bob, " members keys ", bob, nina), 0);
	ASSERT_INT_EQ(db_links(f.db, carol, " members keys ", nina, carol), 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM vouches"), 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM invites"), 0);
	/* Not even the used code's hash is left in the file. */
	fake_hash(code, 1);
	ASSERT_INT_EQ(file_holds(f.db, code, sizeof code), 0);
	ASSERT_INT_EQ(file_holds(wal, code, sizeof code), 0);
	/* Nor on the log: joining and vouching are not acts. */
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog"), 1);
	/* And nina, a member now, writes. */
	ASSERT_INT_EQ(store_thread_create(st2, nina, "general", "hello", "body",
	                  4, &tid, &pid, &cause),
	    STORE_OK);
	TEST_DONE();
	store_close(st2);
	free(wal);
	fixture_close(&f);
}

/* The key id fixture_member() gave name's one key. */
static void
fixture_key_id(const char *name, char id[STORE_KEY_ID_LEN + 1])
{
	uint8_t hash[STORE_HASH_LEN];

	crypto_generichash(
	    hash, sizeof hash, (const uint8_t *)name, strlen(name), NULL, 0);
	keys_id_format(hash, id);
}

static void
test_revoked_trust(void)
{
	struct store_join_result res;
	struct fixture f;
	char id[STORE_KEY_ID_LEN + 1], *cause = NULL;
	int64_t alice, bob, carol, count = 0;
	int pending = 0, admitted = 0, i;

	fixture_open(&f);
	store_set_clock(f.st, T0);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "join_vouches", "3", &cause), STORE_OK);

	TEST_START("revoke: a revoked key's invitations no longer let in");
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 2, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, bob, 3, NULL), STORE_OK);
	fixture_key_id("alice", id);
	ASSERT_INT_EQ(store_key_revoke(
	                  f.st, &store_console, id, "stolen", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 1, "spy", 1, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(join(&f, NULL, 2, "spy", 1, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM invites"), 1);
	TEST_DONE();

	TEST_START("revoke: a revoked key's vouches no longer count");
	ASSERT_INT_EQ(join(&f, NULL, 3, "nina", 2, &res), STORE_OK);
	ASSERT_INT_EQ(res.role, STORE_ROLE_APPLICANT);
	ASSERT_INT_EQ(vouch(&f, bob, "nina", &count, &admitted), STORE_OK);
	ASSERT_INT_EQ(count, 1); /* bob's invitation was his vouch */
	fixture_key_id("bob", id);
	ASSERT_INT_EQ(store_key_revoke(
	                  f.st, &store_console, id, "stolen", &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM vouches"), 0);
	TEST_DONE();
	TEST_START("demote: a demoted sysop keeps a member's share of codes");
	carol = fixture_member(&f, "carol", STORE_ROLE_SYSOP);
	for (i = 0; i < 6; i++)
		ASSERT_INT_EQ(invite(&f, carol, 10 + i, NULL), STORE_OK);
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "carol",
	                  STORE_ROLE_MEMBER, NULL, &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM invites"
	                  " WHERE inviter_id = (SELECT id FROM members"
	                  " WHERE pseudonym = 'carol')"),
	    3);
	ASSERT_INT_EQ(join(&f, NULL, 15, "late", 3, NULL), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(join(&f, NULL, 10, "early", 3, NULL), STORE_OK);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_admit_reject(void)
{
	struct store_actor bob_actor = { 0, "bob" };
	struct store_login login;
	struct store_member *m = NULL;
	struct fixture f;
	uint8_t k[STORE_HASH_LEN];
	char *cause = NULL;
	int64_t alice, olga, pete;

	fixture_open(&f);
	store_set_clock(f.st, T0);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob_actor.member = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	fixture_member(&f, "root", STORE_ROLE_SYSOP);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "join_vouches", "2", &cause), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 2, NULL), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 1, "olga", 1, NULL), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 2, "pete", 2, NULL), STORE_OK);
	olga = member_id(&f, "olga");
	pete = member_id(&f, "pete");

	TEST_START("admit: a sysop's act, logged, the vouches gone");
	ASSERT_INT_EQ(
	    store_applicant_admit(f.st, &bob_actor, "olga", NULL, &cause),
	    STORE_ERR_PERM);
	free(cause), cause = NULL;
	ASSERT_INT_EQ(store_applicant_admit(
	                  f.st, &store_console, "olga", "known to us", &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_member_get(f.st, "olga", &m), STORE_OK);
	ASSERT_INT_EQ(m != NULL ? (int)m->role : -1, STORE_ROLE_MEMBER);
	store_member_free(m);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'admit' AND target = 'olga'"
	                            " AND reason = 'known to us'"),
	    1);
	ASSERT_INT_EQ(db_links(f.db, olga, " members keys ", olga, alice), 0);
	ASSERT_INT_EQ(
	    store_applicant_admit(f.st, &store_console, "olga", NULL, &cause),
	    STORE_ERR_NOT_FOUND);
	ASSERT_STR_EQ(cause, "no applicant 'olga'");
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("reject: the applicant and their key are gone, logged");
	ASSERT_INT_EQ(store_applicant_reject(
	                  f.st, &store_console, "pete", "unknown", &cause),
	    STORE_OK);
	ASSERT_INT_EQ(member_id(&f, "pete"), 0);
	ASSERT_INT_EQ(db_links(f.db, pete, " ", 0, 0), 0);
	fake_hash(k, 1002);
	ASSERT_INT_EQ(store_login(f.st, k, &login), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM keys WHERE"
	                            " member_id NOT IN (SELECT id FROM"
	                            " members)"),
	    0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM vouches"), 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'reject' AND target = 'pete'"),
	    1);
	ASSERT_INT_EQ(
	    store_applicant_reject(f.st, &store_console, "olga", NULL, &cause),
	    STORE_ERR_NOT_FOUND);
	free(cause), cause = NULL;
	TEST_DONE();

	TEST_START("role: an applicant is admitted or rejected, not promoted");
	ASSERT_INT_EQ(invite(&f, alice, 3, NULL), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 3, "quin", 3, NULL), STORE_OK);
	{
		int pending = 0;

		ASSERT_INT_EQ(store_role_set(f.st, &store_console, "quin",
		                  STORE_ROLE_MEMBER, NULL, &pending, &cause),
		    STORE_ERR_INVALID);
		free(cause), cause = NULL;
		ASSERT_INT_EQ(store_role_set(f.st, &store_console, "alice",
		                  STORE_ROLE_APPLICANT, NULL, &pending, &cause),
		    STORE_ERR_USAGE);
		free(cause), cause = NULL;
	}
	TEST_DONE();
	fixture_close(&f);
}

static void
test_expiry(void)
{
	struct store_applicant *a = NULL;
	struct store_login login;
	struct store_member *m = NULL;
	struct fixture f;
	uint8_t k[STORE_HASH_LEN];
	char *cause = NULL;
	int64_t alice, bob, quin;
	size_t n = 0;

	fixture_open(&f);
	store_set_clock(f.st, T0);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	bob = fixture_member(&f, "bob", STORE_ROLE_MEMBER);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "join_vouches", "2", &cause), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 2, NULL), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 1, "quin", 1, NULL), STORE_OK);
	quin = member_id(&f, "quin");

	TEST_START("expiry: an applicant waits 14 days, then is gone");
	store_set_clock(f.st, T0 + 14 * DAY - 1);
	ASSERT_INT_EQ(store_front_prune(f.st), STORE_OK);
	ASSERT_INT_EQ(member_id(&f, "quin"), quin);
	store_set_clock(f.st, T0 + 14 * DAY);
	/* Between prunes, the applicant is already no applicant. */
	ASSERT_INT_EQ(store_applicants_list(f.st, &a, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_applicants_free(a, n);
	ASSERT_INT_EQ(vouch(&f, bob, "quin", NULL, NULL), STORE_ERR_NOT_FOUND);
	/* The lookup prunes before it looks. */
	ASSERT_INT_EQ(store_front_prune(f.st), STORE_OK);
	fake_hash(k, 1001);
	ASSERT_INT_EQ(store_login(f.st, k, &login), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(member_id(&f, "quin"), 0);
	ASSERT_INT_EQ(db_links(f.db, quin, " ", 0, 0), 0);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM vouches"), 0);
	TEST_DONE();

	TEST_START("expiry: join_vouches lowered admits who has enough");
	store_set_clock(f.st, T0 + 14 * DAY);
	ASSERT_INT_EQ(invite(&f, alice, 3, NULL), STORE_OK);
	ASSERT_INT_EQ(join(&f, NULL, 3, "rita", 2, NULL), STORE_OK);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "join_vouches", "1", &cause), STORE_OK);
	ASSERT_INT_EQ(store_front_prune(f.st), STORE_OK);
	ASSERT_INT_EQ(store_member_get(f.st, "rita", &m), STORE_OK);
	ASSERT_INT_EQ(m != NULL ? (int)m->role : -1, STORE_ROLE_MEMBER);
	store_member_free(m);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM vouches"), 0);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_guest_store(void)
{
	const struct store_board_new news = { "news", "News", STORE_ROLE_MEMBER,
		1 };
	const struct store_board_changes open = { NULL, -1, 1 };
	struct store_modlog_entry *e = NULL;
	struct store_board *b = NULL;
	struct store_thread *t = NULL;
	struct store_post *p = NULL;
	struct store_hit *h = NULL;
	struct store_join_result res;
	struct store *g = NULL;
	struct fixture f;
	char *cause = NULL, *json = NULL;
	int64_t alice, pub, priv, pub_post, priv_post, id = 0, post = 0;
	size_t n = 0, i;
	int pending = 0;

	fixture_open(&f);
	alice = fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	fixture_board(&f, "general");
	ASSERT_INT_EQ(
	    store_board_add(f.st, &store_console, &news, &cause), STORE_OK);
	pub = fixture_thread(
	    &f, alice, "news", "open day", "come along", &pub_post);
	priv = fixture_thread(
	    &f, alice, "general", "the plan", "come along", &priv_post);
	ASSERT_INT_EQ(
	    store_post_hide(f.st, &store_console, pub_post, "spam", &cause),
	    STORE_OK);
	ASSERT_INT_EQ(
	    store_post_unhide(f.st, &store_console, pub_post, NULL, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_thread_set(f.st, &store_console, priv,
	                  STORE_THREAD_LOCKED, 1, "secret", &cause),
	    STORE_OK);
	ASSERT_INT_EQ(store_role_set(f.st, &store_console, "alice",
	                  STORE_ROLE_SYSOP, NULL, &pending, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(invite(&f, alice, 1, NULL), STORE_OK);

	TEST_START("public: boards are public or not; the log says so");
	ASSERT_INT_EQ(store_board_get(f.st, "news", &b), STORE_OK);
	ASSERT_INT_EQ(b != NULL ? b->public : -1, 1);
	store_board_free(b);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'board-create' AND target = 'news'"
	                            " AND reason = 'public'"),
	    1);
	ASSERT_INT_EQ(
	    store_board_change(f.st, &store_console, "general", &open, &cause),
	    STORE_OK);
	ASSERT_INT_EQ(
	    store_board_change(f.st, &store_console, "general", &open, &cause),
	    STORE_OK); /* a repeat changes nothing and logs nothing */
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM modlog WHERE"
	                            " act = 'board-edit' AND reason ="
	                            " 'public: yes'"),
	    1);
	ASSERT_INT_EQ(store_boards_json(f.st, &json), STORE_OK);
	ASSERT_TRUE(json != NULL && strstr(json, "\"public\":true") != NULL);
	free(json);
	{
		const struct store_board_changes shut = { NULL, -1, 0 };

		ASSERT_INT_EQ(store_board_change(f.st, &store_console,
		                  "general", &shut, &cause),
		    STORE_OK);
	}
	TEST_DONE();

	TEST_START("guest: only public boards, threads, posts and log exist");
	ASSERT_INT_EQ(store_open(f.db, &g, &cause), STORE_OK);
	ASSERT_INT_EQ(store_is_guest(g), 0);
	ASSERT_INT_EQ(store_set_guest(g), STORE_OK);
	ASSERT_INT_EQ(store_set_guest(g), STORE_OK); /* again: nothing */
	ASSERT_INT_EQ(store_is_guest(g), 1);
	ASSERT_INT_EQ(store_boards_list(g, &b, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_STR_EQ(n == 1 ? b[0].name : NULL, "news");
	store_boards_free(b, n);
	ASSERT_INT_EQ(store_board_get(g, "general", &b), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_thread_get(g, priv, 0, &t), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_thread_get(g, pub, 0, &t), STORE_OK);
	store_thread_free(t);
	ASSERT_INT_EQ(store_posts_page(g, priv, 0, 0, 10, &p, &n), STORE_OK);
	ASSERT_INT_EQ(n, 0);
	store_posts_free(p, n);
	ASSERT_INT_EQ(store_thread_json(g, priv, &json), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(store_search(g, "come along", 20, &h, &n), STORE_OK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_INT_EQ(n == 1 ? h[0].thread : 0, pub);
	store_hits_free(h, n);
	ASSERT_INT_EQ(store_modlog_list(g, 50, &e, &n), STORE_OK);
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].target, "news") != 0 &&
		    strncmp(e[i].target, "post ", 5) != 0)
			TEST_FAIL(
			    "a guest sees '%s %s'", e[i].act, e[i].target);
	}
	/* board-create news, hide and unhide of its post */
	ASSERT_INT_EQ(n, 3);
	store_modlog_free(e, n);
	TEST_DONE();

	TEST_START("guest: nothing is written, but a join");
	ASSERT_INT_NE(store_thread_create(
	                  g, alice, "news", "x", "y", 1, &id, &post, &cause),
	    STORE_OK);
	free(cause), cause = NULL;
	ASSERT_INT_NE(store_read_mark(g, alice, pub, pub_post), STORE_OK);
	ASSERT_INT_EQ(raw_int(f.db, "SELECT count(*) FROM reads WHERE"
	                            " thread_id = 1 AND last_post_id > 1"),
	    0);
	ASSERT_INT_EQ(join(&f, g, 1, "nina", 1, &res), STORE_OK);
	ASSERT_INT_EQ(member_id(&f, "nina") > 0, 1);
	ASSERT_INT_NE(store_read_mark(g, alice, pub, pub_post), STORE_OK);
	TEST_DONE();
	store_close(g);
	fixture_close(&f);
}

/* --- the exec commands ------------------------------------------------- */

/* A command context on its own store, writing into memory. */
struct run {
	struct fixture *f;
	struct bbs_paths paths;
	struct store *st;
	struct store_member *me;
	int guest;
	char *out, *err;
};

/*
 * Runs line as who ("" for a guest, else a pseudonym) with input on
 * standard input; the status, and the output in r->out and r->err.
 */
static int
run(struct run *r, const char *who, const char *line, const char *input,
    size_t len)
{
	struct cmd_ctx ctx;
	size_t olen, elen;
	char *cause = NULL;
	int status;

	free(r->out);
	free(r->err);
	memset(&ctx, 0, sizeof ctx);
	/* As a command process opens it: crypto from modlog.key, pruned. */
	if (bbs_store_open(&r->paths, &r->st, &cause) != STORE_OK)
		exit(2);
	ctx.st = r->st;
	ctx.paths = &r->paths;
	if (*who == '\0')
		ctx.guest = 1;
	else if (store_member_get(r->st, who, &ctx.me) != STORE_OK)
		exit(2);
	/* A file, not a pipe: 64 KiB and more would fill a pipe's buffer. */
	if ((ctx.in = tmpfile()) == NULL ||
	    write(fileno(ctx.in), input, len) != (ssize_t)len ||
	    lseek(fileno(ctx.in), 0, SEEK_SET) != 0)
		exit(2);
	ctx.out = open_memstream(&r->out, &olen);
	ctx.err = open_memstream(&r->err, &elen);
	status = cmd_run_line(&ctx, line);
	fclose(ctx.in);
	fclose(ctx.out);
	fclose(ctx.err);
	store_member_free(ctx.me);
	bbs_store_close(r->st);
	r->st = NULL;
	return status;
}

static int
run0(struct run *r, const char *who, const char *line)
{
	return run(r, who, line, "", 0);
}

static int
run_in(struct run *r, const char *who, const char *line, const char *in)
{
	return run(r, who, line, in, strlen(in));
}

/* One line on stderr, exactly want. */
static int
err_is(struct run *r, const char *want)
{
	size_t len = strlen(want);

	return r->err != NULL && strncmp(r->err, want, len) == 0 &&
	       strcmp(r->err + len, "\n") == 0;
}

/* The code printed by invite: the first field of its output. */
static void
printed_code(struct run *r, char out[KEYS_INVITE_TEXT_LEN + 1])
{
	snprintf(
	    out, KEYS_INVITE_TEXT_LEN + 1, "%s", r->out != NULL ? r->out : "");
}

static void
test_cmd_member(struct run *r)
{
	struct keys_invite c;
	char code[KEYS_INVITE_TEXT_LEN + 1], line[128];

	TEST_START("cmd: invite prints a code and its expiry, once");
	ASSERT_INT_EQ(run0(r, "alice", "invite"), 0);
	printed_code(r, code);
	ASSERT_INT_EQ(keys_invite_parse(code, &c), KEYS_OK);
	ASSERT_TRUE(r->out != NULL && strlen(r->out) == 33 + 1 + 20 + 1 &&
	            r->out[33] == '\t');
	ASSERT_INT_EQ(run0(r, "alice", "invite --json"), 0);
	ASSERT_TRUE(r->out != NULL &&
	            strncmp(r->out, "{\"id\":2,\"code\":\"inv-", 20) == 0);
	/* The database holds no code, only hashes. */
	ASSERT_INT_EQ(raw_int(r->f->db, "SELECT count(*) FROM invites WHERE"
	                                " typeof(hash) = 'blob' AND"
	                                " length(hash) = 32"),
	    2);
	ASSERT_INT_EQ(run0(r, "alice", "invites"), 0);
	ASSERT_TRUE(r->out != NULL && strncmp(r->out, "1\t", 2) == 0 &&
	            strstr(r->out, "\n2\t") != NULL);
	ASSERT_INT_EQ(run0(r, "alice", "invites --json"), 0);
	ASSERT_TRUE(r->out != NULL && strncmp(r->out, "[{\"id\":1,", 9) == 0);
	ASSERT_INT_EQ(run0(r, "alice", "invite revoke 2"), 0);
	ASSERT_INT_EQ(run0(r, "alice", "invite revoke 2"), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "invite revoke: you have no open invitation 2"));
	ASSERT_INT_EQ(run0(r, "alice", "invite revoke two"), EX_USAGE);
	ASSERT_INT_EQ(run0(r, "newsbot", "invite"), EX_NOPERM);
	ASSERT_TRUE(err_is(r, "invite: bot keys may not run this command"));
	ASSERT_INT_EQ(run0(r, "newsbot", "vouch alice"), EX_NOPERM);
	TEST_DONE();

	TEST_START("cmd: a member may not join; help names the new commands");
	snprintf(line, sizeof line, "join %s carl", code);
	ASSERT_INT_EQ(run_in(r, "alice", line, key_ecdsa), EX_NOPERM);
	ASSERT_TRUE(r->err != NULL &&
	            strncmp(r->err, "join: you are logged in", 23) == 0);
	ASSERT_INT_EQ(run0(r, "alice", "help"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "\n  invite ") != NULL &&
	            strstr(r->out, "\n  vouch ") != NULL &&
	            strstr(r->out, "\n  join ") == NULL &&
	            strstr(r->out, "\n  admit ") == NULL);
	ASSERT_INT_EQ(run0(r, "root", "help"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "\n  admit ") != NULL);
	ASSERT_INT_EQ(run0(r, "alice", "admit nobody"), EX_NOPERM);
	TEST_DONE();
}

/* The guest's bad inputs: one line each, its status, nothing written. */
static void
test_cmd_join_bad(struct run *r, const char *code)
{
	static const char *const shapes[] = { "inv-", "inv-7kq2m",
		"inv-aaaqe-ayeau-daoca-jbifq-ydio1",
		"inv-aaaqe-ayeau-daoca-jbifq-ydiobx", "xyz", "--", NULL };
	const char *const *s;
	char line[256], *big, *before, *after;

	before = db_dump(r->f->db);
	TEST_START("cmd: join refuses bad input in one line, writing nothing");
	ASSERT_INT_EQ(run0(r, "", "join"), EX_USAGE);
	ASSERT_TRUE(
	    r->err != NULL && strncmp(r->err, "join: missing", 13) == 0);
	ASSERT_INT_EQ(run_in(r, "", "join inv-aaaqe", key_ed25519), EX_USAGE);
	for (s = shapes; *s != NULL; s++) {
		snprintf(line, sizeof line, "join -- %s nina", *s);
		ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_NOINPUT);
		ASSERT_TRUE(err_is(r, "join: no such invitation"));
	}
	/* A well-made code nobody issued: the same words as a used one. */
	ASSERT_INT_EQ(
	    run_in(r, "", "join INV-AAAQE-AYEAU-DAOCA-JBIFQ-YDIOB nina",
	        key_ed25519),
	    EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "join: no such invitation"));
	snprintf(line, sizeof line, "join %s n", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: a pseudonym must be 2 to 24 characters"));
	snprintf(line, sizeof line, "join %s 'ni na'", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_DATAERR);
	ASSERT_TRUE(
	    err_is(r, "join: a pseudonym may hold only A-Z a-z 0-9 _ -"));
	snprintf(line, sizeof line, "join %s anonymous", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_DATAERR);
	snprintf(line, sizeof line, "join %s nina", code);
	ASSERT_INT_EQ(run0(r, "", line), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: no key line on standard input"));
	ASSERT_INT_EQ(run_in(r, "", line, "ssh-ed25519 AAAA!!\n"), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: key data is not valid base64"));
	ASSERT_INT_EQ(run_in(r, "", line, "hello world\n"), EX_DATAERR);
	ASSERT_INT_EQ(run_in(r, "", line, key_rsa1024), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: RSA key of 1024 bits (need 2048 to "
	                      "16384)"));
	ASSERT_INT_EQ(run(r, "", line, "ssh-ed25519 A\0AAA", 17), EX_DATAERR);
	ASSERT_TRUE(
	    err_is(r, "join: standard input holds a NUL byte: not a key line"));
	/* 64 KiB of garbage, and one byte more. */
	big = malloc(65537);
	memset(big, 'x', 65537);
	ASSERT_INT_EQ(run(r, "", line, big, 65536), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: expected 'TYPE BASE64 [COMMENT]'") ||
	            err_is(r, "join: key line too long"));
	ASSERT_INT_EQ(run(r, "", line, big, 65537), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: the key input is too large (at most "
	                      "65536 bytes)"));
	free(big);
	/* Taken names and registered keys, with a good code. */
	snprintf(line, sizeof line, "join %s ALICE", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: the pseudonym 'ALICE' is taken; choose "
	                      "another"));
	after = db_dump(r->f->db);
	ASSERT_STR_EQ(after, before);
	free(after);
	TEST_DONE();
	free(before);
}

static void
test_cmd_guest(struct run *r)
{
	char code[KEYS_INVITE_TEXT_LEN + 1], line[128], *cause = NULL;
	struct store *st = r->f->st;
	char *before, *after;

	ASSERT_INT_EQ(run0(r, "alice", "invite"), 0);
	printed_code(r, code);

	TEST_START("cmd: guests 'join' run help and join only");
	ASSERT_INT_EQ(run0(r, "", "help"), 0);
	ASSERT_TRUE(
	    r->out != NULL &&
	    strncmp(r->out, "Commands for a guest:\n  help ", 29) == 0 &&
	    strstr(r->out, "\n  join ") != NULL &&
	    strstr(r->out, "\n  boards ") == NULL &&
	    strstr(r->out, "ssh guest@HOST join CODE") != NULL);
	ASSERT_INT_EQ(run0(r, "", "boards"), EX_NOPERM);
	ASSERT_TRUE(err_is(r, "boards: a guest may only run help and join; "
	                      "members log in with their key"));
	ASSERT_INT_EQ(run0(r, "", "whoami"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "", "invite"), EX_NOPERM);
	TEST_DONE();

	test_cmd_join_bad(r, code);

	TEST_START("cmd: a guest joins; the code is used up");
	snprintf(line, sizeof line, "join %s nina", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), 0);
	ASSERT_STR_EQ(r->out, "member nina\n");
	ASSERT_INT_EQ(run_in(r, "", line, key_ecdsa), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "join: no such invitation"));
	ASSERT_INT_EQ(run0(r, "alice", "invites"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "\t") == r->out + 1);
	/* Her key is now registered: another join with it is refused. */
	ASSERT_INT_EQ(run0(r, "alice", "invite"), 0);
	printed_code(r, code);
	snprintf(line, sizeof line, "join %s nina2", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ed25519), EX_DATAERR);
	ASSERT_TRUE(err_is(r, "join: this key is already registered; make a "
	                      "new key for this board"));
	TEST_DONE();

	TEST_START("cmd: with join_vouches 2, an applicant waits");
	ASSERT_INT_EQ(
	    store_setting_set(st, "join_vouches", "2", &cause), STORE_OK);
	snprintf(line, sizeof line, "join %s olga", code);
	ASSERT_INT_EQ(run_in(r, "", line, key_ecdsa), 0);
	ASSERT_STR_EQ(r->out, "applicant olga: 1 more vouches needed\n");
	ASSERT_INT_EQ(run0(r, "olga", "whoami"), 0);
	ASSERT_STR_EQ(r->out, "olga applicant\n");
	ASSERT_INT_EQ(run0(r, "olga", "help"), 0);
	ASSERT_TRUE(
	    r->out != NULL &&
	    strstr(r->out, "You are an applicant: 1 of 2 vouches") != NULL &&
	    strstr(r->out, "\n  whoami ") != NULL &&
	    strstr(r->out, "\n  boards ") == NULL);
	ASSERT_INT_EQ(run0(r, "olga", "boards"), EX_NOPERM);
	ASSERT_TRUE(r->err != NULL &&
	            strncmp(r->err, "boards: you are an applicant", 28) == 0);
	ASSERT_INT_EQ(run0(r, "olga", "invite"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "olga", "vouch olga"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "olga", "erase-me --yes"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "alice", "applicants"), 0);
	ASSERT_TRUE(r->out != NULL && strncmp(r->out, "olga\t1\t2\t", 9) == 0);
	ASSERT_INT_EQ(run0(r, "alice", "applicants --json"), 0);
	ASSERT_TRUE(
	    r->out != NULL && strncmp(r->out,
	                          "[{\"pseudonym\":\"olga\",\"vouches\":1,"
	                          "\"needed\":2,\"expires\":\"",
	                          51) == 0);
	ASSERT_INT_EQ(run0(r, "alice", "vouch olga"), 0);
	ASSERT_STR_EQ(r->out, "olga\t1\t2\tapplicant\n");
	ASSERT_INT_EQ(run0(r, "alice", "vouch alice"), EX_NOPERM);
	ASSERT_TRUE(err_is(r, "vouch: you cannot vouch for yourself"));
	ASSERT_INT_EQ(run0(r, "alice", "vouch nina"), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "vouch: no applicant 'nina'"));
	ASSERT_INT_EQ(run0(r, "nina", "vouch Olga"), 0);
	ASSERT_STR_EQ(r->out, "olga\t2\t2\tmember\n");
	ASSERT_INT_EQ(run0(r, "olga", "boards"), 0);
	TEST_DONE();

	TEST_START("cmd: admit and reject are sysops' and logged");
	ASSERT_INT_EQ(run0(r, "root", "invite"), 0);
	printed_code(r, code);
	snprintf(line, sizeof line, "join %s pete", code);
	ASSERT_INT_EQ(
	    run_in(r, "", line,
	        "# pete's key\n\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"
	        "AcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH\n"),
	    0);
	ASSERT_INT_EQ(run0(r, "alice", "reject pete"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "root", "reject pete --reason 'not known'"), 0);
	ASSERT_INT_EQ(run0(r, "root", "reject pete"), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "reject: no applicant 'pete'"));
	ASSERT_INT_EQ(raw_int(r->f->db, "SELECT count(*) FROM modlog WHERE"
	                                " act = 'reject' AND target = 'pete'"
	                                " AND actor = 'root'"),
	    1);
	ASSERT_INT_EQ(run0(r, "root", "admit olga"), EX_NOINPUT);
	TEST_DONE();

	TEST_START("cmd: guests 'read' see public boards only, write nothing");
	ASSERT_INT_EQ(
	    store_setting_set(st, "guests", "read", &cause), STORE_OK);
	before = db_dump(r->f->db);
	ASSERT_INT_EQ(run0(r, "", "boards"), 0);
	ASSERT_STR_EQ(r->out, "news\t1\tmember\tNews\t[public]\n");
	ASSERT_INT_EQ(run0(r, "", "boards --json"), 0);
	ASSERT_STR_EQ(r->out, "[{\"name\":\"news\",\"title\":\"News\","
	                      "\"threads\":1,\"post_role\":\"member\","
	                      "\"public\":true}]\n");
	ASSERT_INT_EQ(run0(r, "", "threads general"), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "threads: no board 'general'"));
	ASSERT_INT_EQ(run0(r, "", "threads news"), 0);
	ASSERT_TRUE(r->out != NULL && strncmp(r->out, "1\t", 2) == 0);
	ASSERT_INT_EQ(run0(r, "", "read 2"), EX_NOINPUT);
	ASSERT_TRUE(err_is(r, "read: no thread 2"));
	ASSERT_INT_EQ(run0(r, "", "read 2 --json"), EX_NOINPUT);
	ASSERT_INT_EQ(run0(r, "", "read 1"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "open day") != NULL);
	ASSERT_INT_EQ(run0(r, "", "search plan"), 0);
	ASSERT_STR_EQ(r->out, "");
	ASSERT_INT_EQ(run0(r, "", "search day"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "open day") != NULL);
	ASSERT_INT_EQ(run0(r, "", "modlog"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "pete") == NULL &&
	            strstr(r->out, "promote") == NULL &&
	            strstr(r->out, "board-create\tnews") != NULL);
	ASSERT_INT_EQ(run0(r, "", "modlog --verify"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "", "post news --title x"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "", "pins"), EX_NOPERM);
	ASSERT_INT_EQ(run0(r, "", "help"), 0);
	ASSERT_TRUE(r->out != NULL && strstr(r->out, "\n  threads ") != NULL &&
	            strstr(r->out, "\n  post ") == NULL);
	after = db_dump(r->f->db);
	ASSERT_STR_EQ(after, before);
	free(after);
	free(before);
	TEST_DONE();

	TEST_START("cmd: guests 'off' run nothing");
	ASSERT_INT_EQ(store_setting_set(st, "guests", "off", &cause), STORE_OK);
	ASSERT_INT_EQ(run0(r, "", "help"), EX_NOPERM);
	ASSERT_TRUE(err_is(r, "help: this board takes no guests"));
	ASSERT_INT_EQ(run_in(r, "", line, key_ecdsa), EX_NOPERM);
	TEST_DONE();
}

static void
test_cmd(void)
{
	struct keys_signer *signer = NULL;
	struct keys_secret *s = NULL;
	struct fixture f;
	struct run r;
	char *cause = NULL;

	fixture_open(&f);
	memset(&r, 0, sizeof r);
	r.f = &f;
	if (bbs_paths_init(f.dir, &r.paths, &cause) != 0 ||
	    keys_secret_load(r.paths.dirfd, BBS_FILE_SECRET, 1, &s, &cause) !=
	        KEYS_OK ||
	    keys_signer_load(r.paths.dirfd, BBS_FILE_MODLOG_KEY, 1, &signer,
	        &cause) != KEYS_OK)
		exit(2);
	keys_secret_free(s);
	keys_signer_free(signer);
	fixture_member(&f, "alice", STORE_ROLE_MEMBER);
	fixture_member(&f, "root", STORE_ROLE_SYSOP);
	fixture_member(&f, "newsbot", STORE_ROLE_BOT);
	fixture_board(&f, "general");
	{
		const struct store_board_new news = { "news", "News",
			STORE_ROLE_MEMBER, 1 };

		if (store_board_add(f.st, &store_console, &news, &cause) != 0)
			exit(2);
	}
	fixture_thread(&f, member_id(&f, "alice"), "news", "open day",
	    "come along on the day", NULL);
	fixture_thread(&f, member_id(&f, "alice"), "general", "the plan",
	    "the plan is secret", NULL);
	test_cmd_member(&r);
	test_cmd_guest(&r);
	free(r.out);
	free(r.err);
	bbs_paths_free(&r.paths);
	fixture_close(&f);
}

int
main(void)
{
	if (keys_init() != 0)
		return 2;
	test_invites();
	test_join();
	test_vouches();
	test_revoked_trust();
	test_admit_reject();
	test_expiry();
	test_guest_store();
	test_cmd();
	return test_exit();
}
