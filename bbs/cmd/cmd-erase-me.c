/* bbs: ISC licence, see LICENSE. */
/*
 * erase-me [--posts] [--yes]: a member removes their keys and pseudonym;
 * their posts stay as "[erased]" unless --posts removes them too. It is
 * final, so over SSH it does nothing without --yes (64); the interactive
 * board asks for a typed confirmation instead. Logged without the name.
 */
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "util/log.h"

static const struct args_opt erase_opts[] = {
	{ "posts", 0 },
	{ "yes", 0 },
	{ NULL, 0 },
};

static int
erase_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *traces;
	char *cause = NULL;
	int r;

	if (!args_has(args, "yes"))
		return cmd_error(ctx, EX_USAGE,
		    "this removes %s for good%s; add --yes to do it",
		    ctx->me->pseudonym,
		    args_has(args, "posts") ? " with every post" : "");
	r = store_member_erase(
	    ctx->st, ctx->me->id, args_has(args, "posts"), &cause);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, cause);
	/* Erased all the same; the operator may checkpoint by hand. */
	if ((traces = store_error_take(ctx->st)) != NULL)
		log_warn("%s", log_escape(traces, strlen(traces)));
	fprintf(ctx->out, "erased\n");
	return 0;
}

const struct cmd cmd_erase_me = {
	.name = "erase-me",
	.usage = "[--posts] [--yes]",
	.summary =
	    "remove your keys and pseudonym for good (--posts: and your posts)",
	.opts = erase_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = erase_exec,
};
