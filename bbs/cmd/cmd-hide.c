/* bbs: ISC licence, see LICENSE. */
/*
 * hide POST_ID --reason TEXT, unhide POST_ID [--reason TEXT]: a sysop
 * hides a post from members (it stays in the database, shown as "[hidden
 * by sysop: REASON]") or restores it. Both are on the moderation log.
 */
#include "bbs/cmd/cmd.h"

static const struct args_opt hide_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

static int
hide_run(struct cmd_ctx *ctx, struct args *args, int hide)
{
	struct store_actor a;
	int64_t post;
	char *cause = NULL;
	int r;

	if ((r = cmd_parse_id(ctx, args_pos(args, 0), "post", &post)) != 0)
		return r;
	if (hide && args_get(args, "reason") == NULL)
		return cmd_error(ctx, EX_USAGE, "hiding a post needs --reason");
	cmd_store_actor(ctx, &a);
	r = hide ? store_post_hide(
	               ctx->st, &a, post, args_get(args, "reason"), &cause)
	         : store_post_unhide(
	               ctx->st, &a, post, args_get(args, "reason"), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

static int
hide_exec(struct cmd_ctx *ctx, struct args *args)
{
	return hide_run(ctx, args, 1);
}

static int
unhide_exec(struct cmd_ctx *ctx, struct args *args)
{
	return hide_run(ctx, args, 0);
}

const struct cmd cmd_hide = {
	.name = "hide",
	.usage = "POST_ID --reason TEXT",
	.summary = "hide a post from members (logged; the body is kept)",
	.flags = CMD_SYSOP,
	.opts = hide_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = hide_exec,
};

const struct cmd cmd_unhide = {
	.name = "unhide",
	.usage = "POST_ID [--reason TEXT]",
	.summary = "show a hidden post again (logged)",
	.flags = CMD_SYSOP,
	.opts = hide_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = unhide_exec,
};
