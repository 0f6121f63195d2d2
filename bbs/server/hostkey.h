/* bbs: ISC licence, see LICENSE. */
/* The server's Ed25519 host key: generated on first start, 0600. */
#ifndef BBS_HOSTKEY_H
#define BBS_HOSTKEY_H

#include <libssh/libssh.h>

/*
 * Loads the private host key name in the directory dirfd (openat(2)),
 * generating an Ed25519 key there if the file does not exist. Refuses a
 * symbolic link (never followed), a file others may read, and any key
 * type but Ed25519. *out is the caller's (ssh_key_free()). On error
 * returns -1 and *cause.
 */
int hostkey_load(int dirfd, const char *name, ssh_key *out, char **cause);

/* "SHA256:<base64>" of the key's public half; the caller frees it. */
char *hostkey_fingerprint(ssh_key key);

#endif
