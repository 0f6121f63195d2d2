/* bbs: ISC licence, see LICENSE. */
/*
 * threads BOARD [--limit N] [--json]: a board's threads, stickies first,
 * then by latest activity.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "store/threads.h"

#define THREADS_LIMIT 50 /* SPEC section 9 */

static const struct args_opt threads_opts[] = {
	{ "limit", ARGS_VALUE },
	{ "json", 0 },
	{ NULL, 0 },
};

static void
threads_put(struct cmd_ctx *ctx, const struct store_thread *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%lld\t", (long long)t[i].id);
		cmd_put_time(ctx, t[i].created);
		fprintf(ctx->out, "\t%s\t%lld\t%lld\t%s\t", t[i].author,
		    (long long)t[i].replies, (long long)t[i].unread,
		    cmd_thread_flags(t[i].sticky, t[i].locked));
		cmd_put_text(ctx, t[i].title, 0);
		fputc('\n', ctx->out);
	}
}

static int
threads_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_thread *t = NULL;
	struct store_board *b = NULL;
	char *json = NULL;
	size_t n = 0;
	int limit, r, status;

	if ((status = cmd_opt_limit(ctx, args, THREADS_LIMIT, &limit)) != 0)
		return status;
	/* An empty listing must not hide a misspelt board. */
	if ((r = store_board_get(ctx->st, args_pos(args, 0), &b)) != 0)
		return r == STORE_ERR_NOT_FOUND
		           ? cmd_error(ctx, EX_NOINPUT, "no board '%s'",
		                 args_pos(args, 0))
		           : cmd_fail(ctx, r, NULL);
	if (args_has(args, "json")) {
		if ((r = store_threads_json(ctx->st, b->name, limit, &json)) ==
		    STORE_OK)
			cmd_put_json(ctx, json);
		free(json);
	} else if ((r = store_threads_list(ctx->st, b->name, cmd_member_id(ctx),
	                limit, &t, &n)) == STORE_OK) {
		threads_put(ctx, t, n);
		store_threads_free(t, n);
	}
	store_board_free(b);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, NULL);
}

const struct cmd cmd_threads = {
	.name = "threads",
	.usage = "BOARD [--limit N] [--json]",
	.summary = "a board's threads, newest activity first",
	.help =
	    "Prints one line a thread, stickies first, then by latest\n"
	    "activity, tab-separated:\n"
	    "  ID  CREATED  AUTHOR  REPLIES  UNREAD  FLAGS  TITLE\n"
	    "CREATED is ISO-8601 UTC at the stored precision; UNREAD counts\n"
	    "the posts you have not read; FLAGS is -, sticky, locked or\n"
	    "sticky,locked. --limit takes 1 to 1000 (default 50).\n"
	    "--json: [{id, board, title, author, created, replies, locked,\n"
	    "sticky}].\n"
	    "Exit: 0; 64 for a bad --limit; 66 when there is no such board.\n",
	.flags = CMD_BOT | CMD_GUEST_READ,
	.opts = threads_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = threads_exec,
};
