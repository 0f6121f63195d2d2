/* bbs: ISC licence, see LICENSE. */
/*
 * post BOARD [--title TITLE]: starts a thread with the body on standard
 * input. Without --title the first line of standard input is the title
 * and the rest the body. The store judges title and body (content rules,
 * who may post where, the rate limit); this file only gathers them.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "store/threads.h"
#include "util/xmalloc.h"

static const struct args_opt post_opts[] = {
	{ "title", ARGS_VALUE },
	{ NULL, 0 },
};

/*
 * Splits the first line off in (len bytes) as *title, a new string without
 * NUL bytes (controls go anyway, and a C string would end at one); the
 * rest, after the newline, is the body.
 */
static void
post_split(const char *in, size_t len, char **title, const char **body,
    size_t *body_len)
{
	const char *nl = memchr(in, '\n', len);
	size_t tlen = nl != NULL ? (size_t)(nl - in) : len, i, j = 0;

	*title = xmalloc(tlen + 1);
	for (i = 0; i < tlen; i++) {
		if (in[i] != '\0')
			(*title)[j++] = in[i];
	}
	(*title)[j] = '\0';
	*body = nl != NULL ? nl + 1 : in + len;
	*body_len = nl != NULL ? len - tlen - 1 : 0;
}

static int
post_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_board *b = NULL;
	char *in = NULL, *title = NULL, *cause = NULL;
	const char *body;
	size_t len = 0, body_len;
	int64_t thread, post;
	int r, status;

	if ((r = store_board_get(ctx->st, args_pos(args, 0), &b)) != 0)
		return r == STORE_ERR_NOT_FOUND
		           ? cmd_error(ctx, EX_NOINPUT, "no board '%s'",
		                 args_pos(args, 0))
		           : cmd_fail(ctx, r, NULL);
	/* Refuse before reading a body that could not be posted. */
	if ((status = cmd_may_post(ctx, b, NULL)) != 0 ||
	    (status = cmd_read_input(ctx, &in, &len)) != 0)
		goto out;
	if (args_has(args, "title")) {
		title = xstrdup(args_get(args, "title"));
		body = in;
		body_len = len;
	} else
		post_split(in, len, &title, &body, &body_len);
	r = store_thread_create(ctx->st, ctx->me->id, b->name, title, body,
	    body_len, &thread, &post, &cause);
	if (r != STORE_OK) {
		status = cmd_fail(ctx, r, cause);
		goto out;
	}
	fprintf(ctx->out, "%lld\n", (long long)thread);
	status = 0;
out:
	store_board_free(b);
	free(title);
	free(in);
	return status;
}

const struct cmd cmd_post = {
	.name = "post",
	.usage = "BOARD [--title TITLE] < BODY",
	.summary = "start a thread; prints its id",
	.help =
	    "Reads the body from standard input. Without --title, the first\n"
	    "line of standard input is the title and the rest the body.\n"
	    "CRLF becomes LF, control characters other than newline and tab\n"
	    "are removed and trailing newlines dropped; then the title may\n"
	    "have 200 characters and the body 64 KiB (as configured).\n"
	    "Prints the new thread's id.\n"
	    "Exit: 0; 64 for bad arguments; 65 for an empty or too large\n"
	    "body, an empty or too long title, or text that is not UTF-8;\n"
	    "66 when there is no such board; 75 when rate limited or when\n"
	    "standard input came too slowly (retry later); 77 when this key\n"
	    "may not post on the board.\n",
	.flags = CMD_BOT,
	.opts = post_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = post_exec,
};
