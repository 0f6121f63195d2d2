/* bbs: ISC licence, see LICENSE. */
/*
 * The data directory (SPEC section 2), held open and trusted only when it
 * is this user's alone, and the store opened in it, with the
 * moderation log's crypto: BLAKE2b and Ed25519 from keys/, the signing key
 * read from modlog.key only when an act first needs it, so processes that
 * only read never touch the secret.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
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

/*
 * The data directory's files, SQLite's own among them: none may be a
 * symbolic link (a link planted there would point the server at a file
 * of the planter's choosing), nor anything but a regular file.
 */
static const char *const bbs_data_files[] = {
	BBS_FILE_DB,
	BBS_FILE_DB "-wal",
	BBS_FILE_DB "-shm",
	BBS_FILE_HOSTKEY,
	BBS_FILE_SECRET,
	BBS_FILE_MODLOG_KEY,
	NULL,
};

/* mkdir -p: dir and its missing parents, each new one 0700. */
static int
bbs_mkdirs(const char *dir, char **cause)
{
	char *copy = xstrdup(dir), *p;
	int r = -1;

	for (p = copy; *p != '\0'; p++) {
		if (*p != '/' || p == copy)
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(copy, 0700) != 0 && errno != EEXIST)
		goto fail;
	r = 0;
	goto out;
fail:
	xasprintf(
	    cause, "cannot create data directory %s: %s", dir, strerror(errno));
out:
	free(copy);
	return r;
}

/*
 * Opens the data directory real (a path without symbolic links) and
 * checks it is ours: a directory owned by this user that nobody else may
 * write, holding none of our files as a link. Returns the descriptor, or
 * -1 with *cause and *status (EX_USAGE, or EX_NOPERM for a directory not
 * to be trusted). shown is the name to give in messages.
 */
static int
bbs_dir_open(const char *real, const char *shown, int *status, char **cause)
{
	const char *const *f;
	struct stat sb;
	int fd;

	*status = EX_USAGE;
	/* real has no link in it: one now is a swap, refused by O_NOFOLLOW. */
	if ((fd = open(real,
	         O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) == -1 ||
	    fstat(fd, &sb) != 0) {
		xasprintf(
		    cause, "data directory %s: %s", shown, strerror(errno));
		goto fail;
	}
	*status = EX_NOPERM;
	if (sb.st_uid != geteuid()) {
		xasprintf(cause,
		    "data directory %s is owned by uid %ld, not by this user (uid %ld); refusing it",
		    shown, (long)sb.st_uid, (long)geteuid());
		goto fail;
	}
	if ((sb.st_mode & 022) != 0) {
		xasprintf(cause,
		    "data directory %s may be written by group or others (mode %04o); chmod go-w it",
		    shown, (unsigned)(sb.st_mode & 07777));
		goto fail;
	}
	for (f = bbs_data_files; *f != NULL; f++) {
		if (fstatat(fd, *f, &sb, AT_SYMLINK_NOFOLLOW) != 0)
			continue; /* not there yet */
		if (S_ISLNK(sb.st_mode)) {
			xasprintf(cause,
			    "%s/%s is a symbolic link; refusing to follow it",
			    shown, *f);
			goto fail;
		}
		if (!S_ISREG(sb.st_mode)) {
			xasprintf(
			    cause, "%s/%s is not a regular file", shown, *f);
			goto fail;
		}
	}
	return fd;
fail:
	if (fd != -1)
		close(fd);
	return -1;
}

int
bbs_paths_init(const char *dir, struct bbs_paths *p, char **cause)
{
	struct stat sb;
	char *real;
	int status;

	memset(p, 0, sizeof *p);
	p->dirfd = -1;
	*cause = NULL;
	if (bbs_mkdirs(dir, cause) != 0)
		return EX_USAGE;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		xasprintf(cause, "data directory %s is not a directory", dir);
		return EX_USAGE;
	}
	if (access(dir, R_OK | W_OK | X_OK) != 0) {
		xasprintf(cause, "data directory %s: %s", dir, strerror(errno));
		return EX_USAGE;
	}
	/*
	 * The directory is held open and its files opened in it, so what was
	 * checked is what is used. SQLite takes a path and refuses links in
	 * it (SQLITE_OPEN_NOFOLLOW): it gets the resolved one.
	 */
	if ((real = realpath(dir, NULL)) == NULL) {
		xasprintf(cause, "data directory %s: %s", dir, strerror(errno));
		return EX_USAGE;
	}
	if ((p->dirfd = bbs_dir_open(real, dir, &status, cause)) == -1) {
		free(real);
		return status;
	}
	p->dir = real;
	xasprintf(&p->db, "%s/%s", real, BBS_FILE_DB);
	return 0;
}

int
bbs_paths_reopen(struct bbs_paths *p, char **cause)
{
	int status;

	*cause = NULL;
	/* The old number may be another file's by now: never close it. */
	p->dirfd = bbs_dir_open(p->dir, p->dir, &status, cause);
	return p->dirfd == -1 ? status : 0;
}

void
bbs_paths_free(struct bbs_paths *p)
{
	if (p->dirfd != -1)
		close(p->dirfd);
	free(p->dir);
	free(p->db);
	memset(p, 0, sizeof *p);
	p->dirfd = -1;
}

/* The log key, loaded on first use. */
struct bbs_crypto {
	struct store_crypto ops;
	int dirfd;  /* the data directory's */
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
	if (keys_signer_load(c->dirfd, BBS_FILE_MODLOG_KEY, c->create,
	        &c->signer, cause) != KEYS_OK)
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
	bbs_crypto.dirfd = p->dirfd;
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
	if (keys_secret_load(p->dirfd, BBS_FILE_SECRET, 0, &secret, cause) !=
	    KEYS_OK)
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
