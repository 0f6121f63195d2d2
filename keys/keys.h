/* bbs: ISC licence, see LICENSE. */
/*
 * Public key lines, the keyed identity hash, key ids and the server's own
 * secrets (secret.key, modlog.key). libsodium lives here and nowhere else.
 * Pure computation plus reading and creating those two small files: no
 * SSH, no SQL, no terminal.
 *
 * A member's key is never stored: the store keeps only
 * BLAKE2b-256(key = secret.key, message = the key's public blob) and a key
 * id derived from that hash, so a stolen database cannot be matched against
 * public key listings elsewhere.
 */
#ifndef KEYS_KEYS_H
#define KEYS_KEYS_H

#include <stddef.h>
#include <stdint.h>

#define KEYS_HASH_LEN 32   /* identity hash and chain hash bytes */
#define KEYS_SECRET_LEN 32 /* secret.key and modlog.key seed bytes */
#define KEYS_ID_LEN 8      /* printable key id characters */
#define KEYS_SIG_LEN 64    /* Ed25519 signature */
#define KEYS_PUBLIC_LEN 32 /* Ed25519 public key */
#define KEYS_RSA_MIN_BITS 2048
#define KEYS_RSA_MAX_BITS 16384
#define KEYS_LINE_MAX 16384 /* longest key line we read */

enum keys_err {
	KEYS_OK = 0,
	KEYS_ERR_INTERNAL = -1,
	KEYS_ERR_FORMAT = -2,    /* not "TYPE BASE64 [COMMENT]" */
	KEYS_ERR_TYPE = -3,      /* a key type we do not accept */
	KEYS_ERR_WEAK = -4,      /* RSA outside 2048..16384 bits */
	KEYS_ERR_IO = -5,        /* reading or creating a key file */
	KEYS_ERR_BAD_FILE = -6,  /* wrong size, or readable by others */
	KEYS_ERR_SIGNATURE = -7, /* a signature does not verify */
};

/* Must run once per process before anything else here; 0 or -1. */
int keys_init(void);

/*
 * Keeps this process's memory out of core dumps and away from other
 * processes of its user: RLIMIT_CORE 0 and PR_SET_DUMPABLE 0, inherited by
 * the processes it forks. keys_secret_load() and keys_signer_load() do it
 * before they read a secret; a process that will hold secrets it did not
 * load itself (a connection's keys, the store) calls it too. 0 or -1.
 */
int keys_core_off(void);

/* A parsed public key. The comment of a key line is never kept. */
struct keys_pubkey {
	char *type;    /* "ssh-ed25519", "ecdsa-sha2-nistp256", ... */
	uint8_t *blob; /* the wire-format public key */
	size_t bloblen;
	char *b64;     /* the blob in base64, as read */
	unsigned bits; /* RSA modulus bits; 256 for ed25519 */
};

/*
 * Parses one OpenSSH public key line ("TYPE BASE64 [COMMENT]", leading and
 * trailing white space allowed). Accepts ssh-ed25519, ecdsa-sha2-nistp256,
 * -nistp384, -nistp521, ssh-rsa of 2048 to 16384 bits,
 * sk-ssh-ed25519@openssh.com and sk-ecdsa-sha2-nistp256@openssh.com. On
 * error *cause (the caller frees it) says what is wrong in one line.
 * On success *out is the caller's, freed with keys_pubkey_free().
 */
int keys_pubkey_parse_line(
    const char *line, struct keys_pubkey **out, char **cause);

/* As above for a key type name and its base64 blob (e.g. from libssh). */
int keys_pubkey_parse(
    const char *type, const char *b64, struct keys_pubkey **out, char **cause);

void keys_pubkey_free(struct keys_pubkey *k);

/* secret.key: 32 random bytes, created 0600 on first use. */
struct keys_secret;

/*
 * Loads the secret at path, relative to the directory dirfd as openat(2)
 * takes it (AT_FDCWD: the working directory), creating it if it does not
 * exist and create is set (else KEYS_ERR_IO: a secret that once existed
 * must be restored, not replaced). Refuses a symbolic link (never followed),
 * a file of the wrong size or one that group or others may read. *out is
 * the caller's, freed (and wiped) with keys_secret_free().
 */
int keys_secret_load(int dirfd, const char *path, int create,
    struct keys_secret **out, char **cause);
void keys_secret_free(struct keys_secret *s);

/* The keyed BLAKE2b-256 identity hash of a public key. */
void keys_identity(const struct keys_secret *s, const struct keys_pubkey *k,
    uint8_t out[KEYS_HASH_LEN]);

/*
 * A subkey of the secret for one purpose (crypto_kdf_derive_from_key: id
 * and an 8-character context of its own), so no two uses of secret.key
 * ever share a key. out is KEYS_SECRET_LEN bytes; wipe it after use.
 */
void keys_secret_subkey(const struct keys_secret *s, uint64_t id,
    const char context[8], uint8_t out[KEYS_SECRET_LEN]);

/*
 * The printable key id of an identity hash: KEYS_ID_LEN characters of
 * lowercase base32 from its first bytes, NUL-terminated.
 */
void keys_id_format(
    const uint8_t hash[KEYS_HASH_LEN], char out[KEYS_ID_LEN + 1]);

/* modlog.key: the Ed25519 key that signs the moderation log. */
struct keys_signer;

/* As keys_secret_load(), for modlog.key. */
int keys_signer_load(int dirfd, const char *path, int create,
    struct keys_signer **out, char **cause);
void keys_signer_free(struct keys_signer *s);
void keys_signer_sign(const struct keys_signer *s, const void *msg, size_t len,
    uint8_t sig[KEYS_SIG_LEN]);
void keys_signer_public(
    const struct keys_signer *s, uint8_t pk[KEYS_PUBLIC_LEN]);

/* 0 when sig is pk's signature of msg, else KEYS_ERR_SIGNATURE. */
int keys_verify(const uint8_t pk[KEYS_PUBLIC_LEN], const void *msg, size_t len,
    const uint8_t sig[KEYS_SIG_LEN]);

/* Unkeyed BLAKE2b-256, for the moderation log's hash chain. */
void keys_hash(const void *msg, size_t len, uint8_t out[KEYS_HASH_LEN]);

#endif
