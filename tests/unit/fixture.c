/* bbs: ISC licence, see LICENSE. */
/* Test stores (see fixture.h). */
#include <fcntl.h>

#include <sodium.h>
#include <sqlite3.h>

#include "keys/keys.h"
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

static struct keys_signer *fixture_signer;

static int
fixture_sign(
    void *ctx, const uint8_t hash[STORE_HASH_LEN], uint8_t sig[STORE_SIG_LEN])
{
	(void)ctx;
	keys_signer_sign(fixture_signer, hash, STORE_HASH_LEN, sig);
	return 0;
}

static int
fixture_verify(void *ctx, const uint8_t hash[STORE_HASH_LEN],
    const uint8_t sig[STORE_SIG_LEN])
{
	uint8_t pk[KEYS_PUBLIC_LEN];

	(void)ctx;
	keys_signer_public(fixture_signer, pk);
	return keys_verify(pk, hash, STORE_HASH_LEN, sig) == KEYS_OK ? 0 : -1;
}

static const struct store_crypto fixture_crypto = {
	.hash = keys_hash,
	.sign = fixture_sign,
	.verify = fixture_verify,
};

void
fixture_open(struct fixture *f)
{
	char *cause = NULL, *path;

	if (keys_init() != 0)
		exit(2);
	f->dir = test_mkdtemp();
	if (asprintf(&f->db, "%s/bbs.db", f->dir) < 0 ||
	    asprintf(&path, "%s/modlog.key", f->dir) < 0)
		exit(2);
	if (fixture_signer == NULL && keys_signer_load(AT_FDCWD, path, 1,
	                                  &fixture_signer, &cause) != KEYS_OK) {
		fprintf(stderr, "fixture: %s\n", cause);
		exit(2);
	}
	free(path);
	if (store_open(f->db, &f->st, &cause) != STORE_OK) {
		fprintf(stderr, "fixture: %s\n", cause);
		exit(2);
	}
	store_set_crypto(f->st, &fixture_crypto);
}

void
fixture_close(struct fixture *f)
{
	store_close(f->st);
	free(f->db);
	test_rmdir(f->dir);
	f->st = NULL;
}

int64_t
fixture_member(struct fixture *f, const char *name, enum store_role role)
{
	struct store_key_new k = { 0 };
	struct store_member *m = NULL;
	uint8_t hash[STORE_HASH_LEN];
	char id[STORE_KEY_ID_LEN + 1], *cause = NULL;
	int64_t mid;

	crypto_generichash(
	    hash, sizeof hash, (const uint8_t *)name, strlen(name), NULL, 0);
	keys_id_format(hash, id);
	k.pseudonym = name;
	k.role = (int)role;
	k.hash = hash;
	k.key_id = id;
	if (store_key_add(f->st, &k, &cause) != STORE_OK ||
	    store_member_get(f->st, name, &m) != STORE_OK) {
		fprintf(stderr, "fixture: member %s: %s\n", name, cause);
		exit(2);
	}
	mid = m->id;
	store_member_free(m);
	return mid;
}

void
fixture_board(struct fixture *f, const char *name)
{
	char *cause = NULL;

	if (store_board_create(f->st, &store_console, name, name,
	        STORE_ROLE_MEMBER, &cause) != STORE_OK) {
		fprintf(stderr, "fixture: board %s: %s\n", name, cause);
		exit(2);
	}
}

int64_t
fixture_thread(struct fixture *f, int64_t member, const char *board,
    const char *title, const char *body, int64_t *post)
{
	int64_t thread = 0, p = 0;
	char *cause = NULL;

	if (store_thread_create(f->st, member, board, title, body, strlen(body),
	        &thread, &p, &cause) != STORE_OK) {
		fprintf(stderr, "fixture: thread: %s\n", cause);
		exit(2);
	}
	if (post != NULL)
		*post = p;
	return thread;
}

int
raw_sql(const char *db, const char *sql)
{
	sqlite3 *h;
	int rc;

	if (sqlite3_open(db, &h) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : -1;
}

int64_t
raw_int(const char *db, const char *sql)
{
	sqlite3_stmt *stmt;
	sqlite3 *h;
	int64_t v = -1;

	if (sqlite3_open(db, &h) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(h);
	return v;
}
