/* bbs: ISC licence, see LICENSE. */
/*
 * The public key line a command reads on standard input: `key add` for a
 * sysop registering one, `join` for a newcomer. One reading and one
 * parser for both, so a key one refuses the other refuses too: exactly
 * one key line (blank lines and # comments aside), parsed by keys/ and
 * then by libssh, so a stored key is one the server can check.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "bbs/cmd/cmd.h"
#include "keys/keys.h"
#include "util/xmalloc.h"

#define KEY_INPUT_MAX (4 * KEYS_LINE_MAX) /* with comments and blanks */

/*
 * The single key line in the input (blank lines and # comments aside);
 * -1 with *cause if there is not exactly one.
 */
static int
key_find_line(char *in, char **line, char **cause)
{
	char *save = NULL, *l, *p;
	int found = 0;

	*line = NULL;
	for (l = strtok_r(in, "\n", &save); l != NULL;
	     l = strtok_r(NULL, "\n", &save)) {
		l[strcspn(l, "\r")] = '\0';
		p = l + strspn(l, " \t");
		if (*p == '\0' || *p == '#')
			continue;
		if (found++) {
			xasprintf(
			    cause, "more than one key line on standard input");
			*line = NULL;
			return -1;
		}
		*line = l;
	}
	if (!found) {
		xasprintf(cause, "no key line on standard input");
		return -1;
	}
	return 0;
}

/* Parses the line, and asks libssh too, so a stored key can log in. */
static int
key_parse(const char *line, struct keys_pubkey **k, char **cause)
{
	ssh_key probe = NULL;

	if (keys_pubkey_parse_line(line, k, cause) != KEYS_OK)
		return -1;
	if (ssh_pki_import_pubkey_base64((*k)->b64,
	        ssh_key_type_from_name((*k)->type), &probe) != SSH_OK) {
		xasprintf(cause, "libssh cannot use this %s key", (*k)->type);
		keys_pubkey_free(*k);
		*k = NULL;
		return -1;
	}
	ssh_key_free(probe);
	return 0;
}

int
cmd_key_line(struct cmd_ctx *ctx, struct keys_pubkey **out)
{
	char *input = NULL, *line = NULL, *cause = NULL;
	size_t len = 0;
	int status;

	*out = NULL;
	if (isatty(fileno(ctx->in)))
		return cmd_error(
		    ctx, EX_DATAERR, "give the public key on standard input");
	if ((status = cmd_read_stdin(ctx, KEY_INPUT_MAX, "the key input",
	         KEY_INPUT_MAX, &input, &len)) != 0)
		return status;
	/* A C string ends at a NUL: what follows one would go unseen. */
	if (memchr(input, '\0', len) != NULL)
		status = cmd_error(ctx, EX_DATAERR,
		    "standard input holds a NUL byte: not a key line");
	else if (key_find_line(input, &line, &cause) != 0 ||
	         key_parse(line, out, &cause) != 0)
		status = cmd_error(ctx, EX_DATAERR, "%s", cause);
	free(input); /* line points into it */
	free(cause);
	return status;
}
