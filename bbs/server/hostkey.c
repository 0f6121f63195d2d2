/* bbs: ISC licence, see LICENSE. */
/*
 * The host key. Generation writes a temporary file and links it into
 * place, so two servers started at once on one data directory agree on
 * one key. Every file is opened in the data directory's descriptor with
 * O_NOFOLLOW: a symbolic link planted there is refused, and no name is
 * looked up twice. The fingerprint is printed at start for members to compare
 * with what their ssh client shows; it is never logged per connection.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbs/server/hostkey.h"
#include "util/xmalloc.h"

#define HOSTKEY_FILE_MAX 65536 /* an Ed25519 key file is 411 bytes */

/*
 * Writes a new key to a temporary file in dirfd, created here (O_EXCL,
 * never through a symbolic link), and links it into place.
 */
static int
hostkey_generate(int dirfd, const char *name, char **cause)
{
	ssh_key key = NULL;
	char *tmp, *text = NULL;
	size_t len = 0;
	int fd = -1, r = -1;

	xasprintf(&tmp, "%s.tmp.%ld", name, (long)getpid());
	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK ||
	    ssh_pki_export_privkey_base64(key, NULL, NULL, NULL, &text) !=
	        SSH_OK) {
		xasprintf(cause, "cannot generate a host key");
		goto out;
	}
	len = strlen(text);
	fd = openat(dirfd, tmp,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd == -1 || write(fd, text, len) != (ssize_t)len ||
	    fsync(fd) != 0) {
		xasprintf(cause, "cannot write %s: %s", tmp, strerror(errno));
		goto out;
	}
	if (linkat(dirfd, tmp, dirfd, name, 0) != 0 && errno != EEXIST) {
		xasprintf(cause, "cannot create %s: %s", name, strerror(errno));
		goto out;
	}
	r = 0;
out:
	if (fd != -1) {
		close(fd);
		unlinkat(dirfd, tmp, 0);
	}
	if (text != NULL) {
		explicit_bzero(text, len);
		ssh_string_free_char(text);
	}
	free(tmp);
	ssh_key_free(key);
	return r;
}

/*
 * Reads the key file open on fd (a regular file only we may read) and
 * parses it; the text is wiped after.
 */
static int
hostkey_read(int fd, const char *name, ssh_key *out, char **cause)
{
	struct stat sb;
	char *text = NULL;
	ssize_t n = 0;
	int r = -1;

	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		xasprintf(cause, "%s is not a regular file", name);
		return -1;
	}
	if ((sb.st_mode & 077) != 0) {
		xasprintf(cause,
		    "%s may be read by others (mode %04o); chmod 600 it", name,
		    (unsigned)(sb.st_mode & 07777));
		return -1;
	}
	text = xmalloc(HOSTKEY_FILE_MAX + 1);
	if ((n = read(fd, text, HOSTKEY_FILE_MAX + 1)) < 0 ||
	    n > HOSTKEY_FILE_MAX) {
		xasprintf(cause, "cannot read the host key %s", name);
		n = n < 0 ? 0 : n;
		goto out;
	}
	text[n] = '\0';
	if (ssh_pki_import_privkey_base64(text, NULL, NULL, NULL, out) !=
	    SSH_OK) {
		*out = NULL;
		xasprintf(cause, "cannot read the host key %s", name);
		goto out;
	}
	r = 0;
out:
	explicit_bzero(text, (size_t)n);
	free(text);
	return r;
}

int
hostkey_load(int dirfd, const char *name, ssh_key *out, char **cause)
{
	ssh_key key = NULL;
	int fd, r;

	*out = NULL;
	*cause = NULL;
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && errno == ENOENT) {
		if (hostkey_generate(dirfd, name, cause) != 0)
			return -1;
		fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	}
	/* A symbolic link planted here is refused, never followed. */
	if (fd == -1 && errno == ELOOP) {
		xasprintf(cause, "%s is a symbolic link; refusing to follow it",
		    name);
		return -1;
	}
	if (fd == -1) {
		xasprintf(cause, "%s: %s", name, strerror(errno));
		return -1;
	}
	r = hostkey_read(fd, name, &key, cause);
	close(fd);
	if (r != 0)
		return -1;
	if (ssh_key_type(key) != SSH_KEYTYPE_ED25519) {
		xasprintf(cause, "%s is not an Ed25519 key", name);
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
