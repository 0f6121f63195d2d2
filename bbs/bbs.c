/* bbs: ISC licence, see LICENSE. */
/*
 * The data directory (SPEC section 2) and the store opened in it, with the
 * moderation log's crypto: BLAKE2b and Ed25519 from keys/, the signing key
 * read from modlog.key only when an act first needs it, so processes that
 * only read never touch the secret.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbs/bbs.h"
#include "keys/invite.h"
#include "keys/keys.h"
#include "store/invites.h"
#include "store/modlog.h"
#include "util/log.h"
#include "util/xmalloc.h"

int
bbs_paths_init(const char *dir, struct bbs_paths *p, char **cause)
{
	struct stat sb;

	memset(p, 0, sizeof *p);
	*cause = NULL;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		xasprintf(cause, "cannot create data directory %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		xasprintf(cause, "data directory %s is not a directory", dir);
		return -1;
	}
	if (access(dir, R_OK | W_OK | X_OK) != 0) {
		xasprintf(cause, "data directory %s: %s", dir, strerror(errno));
		return -1;
	}
	p->dir = xstrdup(dir);
	xasprintf(&p->db, "%s/bbs.db", dir);
	xasprintf(&p->hostkey, "%s/host_ed25519", dir);
	xasprintf(&p->secret, "%s/secret.key", dir);
	xasprintf(&p->modlog_key, "%s/modlog.key", dir);
	return 0;
}

void
bbs_paths_free(struct bbs_paths *p)
{
	free(p->dir);
	free(p->db);
	free(p->hostkey);
	free(p->secret);
	free(p->modlog_key);
	memset(p, 0, sizeof *p);
}

/* The log key, loaded on first use. */
struct bbs_crypto {
	struct store_crypto ops;
	char *path;
	int create; /* the log is empty: a missing key may be made */
	struct keys_signer *signer;
};

/* Loads the log key once; -1 with *cause (the caller's) if it cannot. */
static int
bbs_crypto_get(struct bbs_crypto *c, char **cause)
{
	*cause = NULL;
	if (c->signer != NULL)
		return 0;
	if (keys_signer_load(c->path, c->create, &c->signer, cause) != KEYS_OK)
		return -1;
	return 0;
}

static int
bbs_crypto_load(struct bbs_crypto *c)
{
	char *cause = NULL;

	if (bbs_crypto_get(c, &cause) != 0) {
		log_error("moderation log key: %s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static int
bbs_crypto_sign(
    void *ctx, const uint8_t hash[STORE_HASH_LEN], uint8_t sig[STORE_SIG_LEN])
{
	struct bbs_crypto *c = ctx;

	if (bbs_crypto_load(c) != 0)
		return -1;
	keys_signer_sign(c->signer, hash, STORE_HASH_LEN, sig);
	return 0;
}

static int
bbs_crypto_verify(void *ctx, const uint8_t hash[STORE_HASH_LEN],
    const uint8_t sig[STORE_SIG_LEN])
{
	struct bbs_crypto *c = ctx;
	uint8_t pk[KEYS_PUBLIC_LEN];

	if (bbs_crypto_load(c) != 0)
		return -1;
	keys_signer_public(c->signer, pk);
	return keys_verify(pk, hash, STORE_HASH_LEN, sig) == KEYS_OK ? 0 : -1;
}

/* One per process: a process opens one store at a time. */
static struct bbs_crypto bbs_crypto;

int
bbs_store_open(const struct bbs_paths *p, struct store **out, char **cause)
{
	int64_t n = 0;
	int r;

	if ((r = store_open(p->db, out, cause)) != STORE_OK)
		return r;
	/* Expired invitations and applicants go before anyone looks. */
	if (store_front_prune(*out) != STORE_OK)
		log_warn(
		    "store: expired invitations or applicants not removed yet");
	free(bbs_crypto.path);
	bbs_crypto.path = xstrdup(p->modlog_key);
	/* A log that has entries needs the key that signed them, not a new one.
	 */
	bbs_crypto.create = store_modlog_count(*out, &n) == STORE_OK && n == 0;
	bbs_crypto.ops.hash = keys_hash;
	bbs_crypto.ops.sign = bbs_crypto_sign;
	bbs_crypto.ops.verify = bbs_crypto_verify;
	bbs_crypto.ops.ctx = &bbs_crypto;
	store_set_crypto(*out, &bbs_crypto.ops);
	return STORE_OK;
}

int
bbs_log_key_ready(char **cause)
{
	return bbs_crypto_get(&bbs_crypto, cause);
}

void
bbs_store_close(struct store *st)
{
	store_close(st);
	keys_signer_free(bbs_crypto.signer);
	bbs_crypto.signer = NULL;
}

int
bbs_invite_code(const struct bbs_paths *p, char text[KEYS_INVITE_TEXT_LEN + 1],
    uint8_t hash[KEYS_HASH_LEN], char **cause)
{
	struct keys_secret *secret = NULL;
	struct keys_invite code;

	*cause = NULL;
	if (keys_secret_load(p->secret, 0, &secret, cause) != KEYS_OK)
		return -1;
	keys_invite_new(&code);
	keys_invite_hash(secret, &code, hash);
	keys_secret_free(secret);
	keys_invite_format(&code, text);
	explicit_bzero(&code, sizeof code);
	return 0;
}

int
bbs_exit_status(int store_err)
{
	switch (store_err) {
	case STORE_OK:
		return 0;
	case STORE_ERR_BUSY:
	case STORE_ERR_RATE:
		return EX_TEMPFAIL;
	case STORE_ERR_NOT_FOUND:
		return EX_NOINPUT;
	case STORE_ERR_EXISTS:
	case STORE_ERR_INVALID:
	case STORE_ERR_CORRUPT:
		return EX_DATAERR;
	case STORE_ERR_PERM:
	case STORE_ERR_REVOKED:
		return EX_NOPERM;
	case STORE_ERR_USAGE:
		return EX_USAGE;
	default:
		return EX_SOFTWARE;
	}
}

void
bbs_store_report(struct store *st, const char *who)
{
	const char *e;

	if ((e = store_error_take(st)) != NULL)
		log_error("%s: %s", who, log_escape(e, strlen(e)));
}
