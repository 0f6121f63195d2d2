/* bbs: ISC licence, see LICENSE. */
/*
 * board create NAME [--title TEXT] [--post-role member|sysop] and board
 * edit NAME [--title TEXT] [--post-role member|sysop]: sysops over SSH and
 * the console at the shell make and change boards. Both are logged.
 */
#include "bbs/cmd/cmd.h"

static const struct args_opt board_opts[] = {
	{ "title", ARGS_VALUE },
	{ "post-role", ARGS_VALUE },
	{ NULL, 0 },
};

/* --post-role as a role, -1 when absent; EX_USAGE when it is wrong. */
static int
board_post_role(struct cmd_ctx *ctx, struct args *args, int *out)
{
	const char *pr = args_get(args, "post-role");
	enum store_role role;

	*out = -1;
	if (pr == NULL)
		return 0;
	if (store_role_parse(pr, &role) != 0 || role == STORE_ROLE_BOT)
		return cmd_error(ctx, EX_USAGE,
		    "unknown --post-role '%s' "
		    "(member or sysop)",
		    pr);
	*out = (int)role;
	return 0;
}

static int
board_create_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_actor a;
	char *cause = NULL;
	int r, role;

	if ((r = board_post_role(ctx, args, &role)) != 0)
		return r;
	cmd_store_actor(ctx, &a);
	r = store_board_create(ctx->st, &a, args_pos(args, 0),
	    args_get(args, "title"),
	    role < 0 ? STORE_ROLE_MEMBER : (enum store_role)role, &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

static int
board_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_actor a;
	char *cause = NULL;
	int r, role;

	if ((r = board_post_role(ctx, args, &role)) != 0)
		return r;
	if (role < 0 && args_get(args, "title") == NULL)
		return cmd_error(ctx, EX_USAGE,
		    "nothing to change: give "
		    "--title or --post-role");
	cmd_store_actor(ctx, &a);
	r = store_board_edit(ctx->st, &a, args_pos(args, 0),
	    args_get(args, "title"), role, &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd cmd_board_create = {
	.name = "board create",
	.usage = "NAME [--title TEXT] [--post-role member|sysop]",
	.summary = "create a board; --post-role says who may post (logged)",
	.flags = CMD_SYSOP,
	.opts = board_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = board_create_exec,
};

const struct cmd cmd_board_edit = {
	.name = "board edit",
	.usage = "NAME [--title TEXT] [--post-role member|sysop]",
	.summary = "change a board's title or who may post (logged)",
	.flags = CMD_SYSOP,
	.opts = board_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = board_edit_exec,
};
