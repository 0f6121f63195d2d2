/* bbs: ISC licence, see LICENSE. */
/*
 * reply THREAD_ID: adds a post to a thread with the body on standard
 * input. The store judges the body, a locked thread and the rate limit.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "store/threads.h"

static int
reply_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_thread *t = NULL;
	struct store_board *b = NULL;
	char *in = NULL, *cause = NULL;
	size_t len = 0;
	int64_t id, post;
	int r, status;

	if ((status = cmd_parse_id(ctx, args_pos(args, 0), "thread", &id)))
		return status;
	if ((r = store_thread_get(ctx->st, id, 0, &t)) == STORE_ERR_NOT_FOUND)
		return cmd_error(
		    ctx, EX_NOINPUT, "no thread %lld", (long long)id);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	if ((r = store_board_get(ctx->st, t->board, &b)) != STORE_OK) {
		status = cmd_fail(ctx, r, NULL);
		goto out;
	}
	/* Refuse before reading a body that could not be posted. */
	if ((status = cmd_may_post(ctx, b, t)) != 0 ||
	    (status = cmd_read_input(ctx, &in, &len)) != 0)
		goto out;
	r = store_post_reply(ctx->st, ctx->me->id, id, in, len, &post, &cause);
	if (r != STORE_OK) {
		status = cmd_fail(ctx, r, cause);
		goto out;
	}
	fprintf(ctx->out, "%lld\n", (long long)post);
	status = 0;
out:
	store_board_free(b);
	store_thread_free(t);
	free(in);
	return status;
}

const struct cmd cmd_reply = {
	.name = "reply",
	.usage = "THREAD_ID < BODY",
	.summary = "reply to a thread; prints the new post's id",
	.help =
	    "Reads the body from standard input, normalised as for post\n"
	    "(at most 64 KiB as configured). Prints the new post's id.\n"
	    "Exit: 0; 64 for a bad id; 65 for an empty or too large body or\n"
	    "one that is not UTF-8; 66 when there is no such thread; 75 when\n"
	    "rate limited or when standard input came too slowly (retry\n"
	    "later); 77 when the thread is locked or this key may not post\n"
	    "on its board.\n",
	.flags = CMD_BOT,
	.min_args = 1,
	.max_args = 1,
	.exec = reply_exec,
};
