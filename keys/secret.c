/* bbs: ISC licence, see LICENSE. */
/*
 * The server's two secrets, each a 32-byte file in the data directory,
 * created 0600 on first use: secret.key keys the identity hash, and
 * modlog.key is the seed of the Ed25519 key that signs the moderation log.
 * Also the hashes and signatures built on them. Secrets live in
 * sodium_malloc()'d memory and are wiped when freed, in a process that
 * dumps no core and that no other process may trace.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "keys/keys.h"
#include "util/xmalloc.h"

struct keys_secret {
	uint8_t key[KEYS_SECRET_LEN];
};

struct keys_signer {
	uint8_t sk[crypto_sign_SECRETKEYBYTES];
	uint8_t pk[crypto_sign_PUBLICKEYBYTES];
};

int
keys_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int
keys_core_off(void)
{
	struct rlimit rl = { 0, 0 };

	return setrlimit(RLIMIT_CORE, &rl) == 0 &&
	               prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
	           ? 0
	           : -1;
}

/*
 * Writes len fresh random bytes to path (in dirfd, as openat(2)) unless it
 * exists. The bytes go to a temporary file first and are linked into
 * place, so a process racing us sees either no file or a whole one. No
 * name is followed if it is a symbolic link.
 */
static int
secret_file_create(int dirfd, const char *path, size_t len, char **cause)
{
	uint8_t buf[KEYS_SECRET_LEN];
	char *tmp;
	int fd, r = KEYS_ERR_IO;

	xasprintf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = openat(dirfd, tmp,
	    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		xasprintf(cause, "cannot create %s: %s", tmp, strerror(errno));
		goto out;
	}
	randombytes_buf(buf, len);
	if (write(fd, buf, len) != (ssize_t)len || fsync(fd) != 0) {
		xasprintf(cause, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlinkat(dirfd, tmp, 0);
		goto out;
	}
	close(fd);
	if (linkat(dirfd, tmp, dirfd, path, 0) != 0 && errno != EEXIST) {
		xasprintf(cause, "cannot create %s: %s", path, strerror(errno));
		unlinkat(dirfd, tmp, 0);
		goto out;
	}
	unlinkat(dirfd, tmp, 0);
	r = KEYS_OK;
out:
	sodium_memzero(buf, sizeof buf);
	free(tmp);
	return r;
}

/*
 * Reads exactly len bytes from path (in dirfd) into out, which has room
 * for len + 1 (to tell a longer file), creating the file if it is missing
 * and create is set.
 */
static int
secret_file_load(int dirfd, const char *path, int create, uint8_t *out,
    size_t len, char **cause)
{
	struct stat sb;
	ssize_t n;
	int fd, r;

	*cause = NULL;
	/* Before the secret is in memory: no core file will ever hold it. */
	if (keys_core_off() != 0) {
		xasprintf(
		    cause, "cannot turn core dumps off: %s", strerror(errno));
		return KEYS_ERR_INTERNAL;
	}
	if (fstatat(dirfd, path, &sb, AT_SYMLINK_NOFOLLOW) != 0 &&
	    errno == ENOENT) {
		if (!create) {
			xasprintf(cause,
			    "%s is missing; restore it from a backup (a new one would not match what is stored)",
			    path);
			return KEYS_ERR_IO;
		}
		if ((r = secret_file_create(dirfd, path, len, cause)) !=
		    KEYS_OK)
			return r;
	}
	/* A symbolic link planted here is refused, never followed. */
	if ((fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) ==
	    -1) {
		if (errno == ELOOP) {
			xasprintf(cause,
			    "%s is a symbolic link; refusing to follow it",
			    path);
			return KEYS_ERR_BAD_FILE;
		}
		xasprintf(cause, "cannot open %s: %s", path, strerror(errno));
		return KEYS_ERR_IO;
	}
	r = KEYS_ERR_BAD_FILE;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		xasprintf(cause, "%s is not a regular file", path);
	else if ((sb.st_mode & 077) != 0)
		xasprintf(cause,
		    "%s may be read by others (mode %04o); chmod 600 it", path,
		    (unsigned)(sb.st_mode & 07777));
	else if ((n = read(fd, out, len + 1)) != (ssize_t)len)
		xasprintf(cause, "%s is not %zu bytes long", path, len);
	else
		r = KEYS_OK;
	close(fd);
	if (r != KEYS_OK)
		sodium_memzero(out, len);
	return r;
}

int
keys_secret_load(int dirfd, const char *path, int create,
    struct keys_secret **out, char **cause)
{
	struct keys_secret *s;
	uint8_t buf[KEYS_SECRET_LEN + 1];
	int r;

	*out = NULL;
	if ((r = secret_file_load(
	         dirfd, path, create, buf, KEYS_SECRET_LEN, cause)) != 0)
		return r;
	if ((s = sodium_malloc(sizeof *s)) == NULL) {
		sodium_memzero(buf, sizeof buf);
		xasprintf(cause, "out of secure memory");
		return KEYS_ERR_INTERNAL;
	}
	memcpy(s->key, buf, KEYS_SECRET_LEN);
	sodium_memzero(buf, sizeof buf);
	*out = s;
	return KEYS_OK;
}

void
keys_secret_free(struct keys_secret *s)
{
	if (s != NULL)
		sodium_free(s); /* wipes */
}

void
keys_identity(const struct keys_secret *s, const struct keys_pubkey *k,
    uint8_t out[KEYS_HASH_LEN])
{
	crypto_generichash(
	    out, KEYS_HASH_LEN, k->blob, k->bloblen, s->key, KEYS_SECRET_LEN);
}

void
keys_secret_subkey(const struct keys_secret *s, uint64_t id,
    const char context[8], uint8_t out[KEYS_SECRET_LEN])
{
	_Static_assert(KEYS_SECRET_LEN == crypto_kdf_KEYBYTES,
	    "secret.key is a crypto_kdf master key");
	crypto_kdf_derive_from_key(out, KEYS_SECRET_LEN, id, context, s->key);
}

void
keys_id_format(const uint8_t hash[KEYS_HASH_LEN], char out[KEYS_ID_LEN + 1])
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
	uint64_t v = 0;
	int i;

	/* 40 bits: the first five bytes, big-endian, in eight 5-bit digits. */
	for (i = 0; i < 5; i++)
		v = v << 8 | hash[i];
	for (i = KEYS_ID_LEN - 1; i >= 0; i--) {
		out[i] = alphabet[v & 31];
		v >>= 5;
	}
	out[KEYS_ID_LEN] = '\0';
}

int
keys_signer_load(int dirfd, const char *path, int create,
    struct keys_signer **out, char **cause)
{
	struct keys_signer *s;
	uint8_t seed[KEYS_SECRET_LEN + 1];
	int r;

	*out = NULL;
	if ((r = secret_file_load(
	         dirfd, path, create, seed, KEYS_SECRET_LEN, cause)) != 0)
		return r;
	if ((s = sodium_malloc(sizeof *s)) == NULL) {
		sodium_memzero(seed, sizeof seed);
		xasprintf(cause, "out of secure memory");
		return KEYS_ERR_INTERNAL;
	}
	crypto_sign_seed_keypair(s->pk, s->sk, seed);
	sodium_memzero(seed, sizeof seed);
	*out = s;
	return KEYS_OK;
}

void
keys_signer_free(struct keys_signer *s)
{
	if (s != NULL)
		sodium_free(s);
}

void
keys_signer_sign(const struct keys_signer *s, const void *msg, size_t len,
    uint8_t sig[KEYS_SIG_LEN])
{
	crypto_sign_detached(sig, NULL, msg, len, s->sk);
}

void
keys_signer_public(const struct keys_signer *s, uint8_t pk[KEYS_PUBLIC_LEN])
{
	memcpy(pk, s->pk, KEYS_PUBLIC_LEN);
}

int
keys_verify(const uint8_t pk[KEYS_PUBLIC_LEN], const void *msg, size_t len,
    const uint8_t sig[KEYS_SIG_LEN])
{
	if (crypto_sign_verify_detached(sig, msg, len, pk) != 0)
		return KEYS_ERR_SIGNATURE;
	return KEYS_OK;
}

void
keys_hash(const void *msg, size_t len, uint8_t out[KEYS_HASH_LEN])
{
	crypto_generichash(out, KEYS_HASH_LEN, msg, len, NULL, 0);
}
