/* bbs: ISC licence, see LICENSE. */
/*
 * The host key. Generation writes a temporary file and links it into
 * place, so two servers started at once on one data directory agree on
 * one key. The fingerprint is printed at start for members to compare with
 * what their ssh client shows; it is never logged per connection.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbs/server/hostkey.h"
#include "util/xmalloc.h"

static int
hostkey_generate(const char *path, char **cause)
{
	ssh_key key = NULL;
	char *tmp;
	int r = -1;

	xasprintf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
		xasprintf(cause, "cannot generate a host key");
		goto out;
	}
	/* umask(077) is set at start, so the file is created 0600. */
	if (ssh_pki_export_privkey_file(key, NULL, NULL, NULL, tmp) != SSH_OK) {
		xasprintf(cause, "cannot write %s", tmp);
		goto out;
	}
	if (chmod(tmp, 0600) != 0 ||
	    (link(tmp, path) != 0 && errno != EEXIST)) {
		xasprintf(cause, "cannot create %s: %s", path, strerror(errno));
		goto out;
	}
	r = 0;
out:
	unlink(tmp);
	free(tmp);
	ssh_key_free(key);
	return r;
}

int
hostkey_load(const char *path, ssh_key *out, char **cause)
{
	struct stat sb;
	ssh_key key = NULL;

	*out = NULL;
	*cause = NULL;
	if (lstat(path, &sb) != 0) {
		if (errno != ENOENT) {
			xasprintf(cause, "%s: %s", path, strerror(errno));
			return -1;
		}
		if (hostkey_generate(path, cause) != 0)
			return -1;
		if (lstat(path, &sb) != 0) {
			xasprintf(cause, "%s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (!S_ISREG(sb.st_mode)) {
		xasprintf(cause, "%s is not a regular file", path);
		return -1;
	}
	if ((sb.st_mode & 077) != 0) {
		xasprintf(cause,
		    "%s may be read by others (mode %04o); chmod 600 it", path,
		    (unsigned)(sb.st_mode & 07777));
		return -1;
	}
	if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) !=
	    SSH_OK) {
		xasprintf(cause, "cannot read the host key %s", path);
		return -1;
	}
	if (ssh_key_type(key) != SSH_KEYTYPE_ED25519) {
		xasprintf(cause, "%s is not an Ed25519 key", path);
		ssh_key_free(key);
		return -1;
	}
	*out = key;
	return 0;
}

char *
hostkey_fingerprint(ssh_key key)
{
	unsigned char *hash = NULL;
	size_t len = 0;
	char *fp, *copy;

	if (ssh_get_publickey_hash(
	        key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != 0)
		return xstrdup("SHA256:?");
	fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
	ssh_clean_pubkey_hash(&hash);
	if (fp == NULL)
		return xstrdup("SHA256:?");
	copy = xstrdup(fp);
	ssh_string_free_char(fp);
	return copy;
}
