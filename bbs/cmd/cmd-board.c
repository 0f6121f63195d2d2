/* bbs: ISC licence, see LICENSE. */
/*
 * board create NAME [--title TEXT] [--post-role member|sysop] [--public]
 * and board edit NAME [--title TEXT] [--post-role member|sysop] [--public
 * yes|no]: sysops over SSH and the console at the shell make and change
 * boards. Both are logged. A public board is one guests may read.
 */
#include <string.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt board_opts[] = {
	{ "title", ARGS_VALUE },
	{ "post-role", ARGS_VALUE },
	{ "public", 0 },
	{ NULL, 0 },
};

static const struct args_opt board_edit_opts[] = {
	{ "title", ARGS_VALUE },
	{ "post-role", ARGS_VALUE },
	{ "public", ARGS_VALUE },
	{ NULL, 0 },
};

/* --public yes|no as 1 or 0, -1 when absent; EX_USAGE when it is wrong. */
static int
board_public(struct cmd_ctx *ctx, struct args *args, int *out)
{
	const char *v = args_get(args, "public");

	*out = -1;
	if (v == NULL)
		return 0;
	if (strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0)
		*out = 0;
	else
		return cmd_error(
		    ctx, EX_USAGE, "--public takes yes or no, not '%s'", v);
	return 0;
}

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
		    "unknown --post-role '%s' (member or sysop)", pr);
	*out = (int)role;
	return 0;
}

static int
board_create_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_board_new nb;
	struct store_actor a;
	char *cause = NULL;
	int r, role;

	if ((r = board_post_role(ctx, args, &role)) != 0)
		return r;
	cmd_store_actor(ctx, &a);
	nb.name = args_pos(args, 0);
	nb.title = args_get(args, "title");
	nb.post_role = role < 0 ? STORE_ROLE_MEMBER : (enum store_role)role;
	nb.public = args_has(args, "public");
	r = store_board_add(ctx->st, &a, &nb, &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

static int
board_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_board_changes c;
	struct store_actor a;
	char *cause = NULL;
	int r, role, public;

	if ((r = board_post_role(ctx, args, &role)) != 0 ||
	    (r = board_public(ctx, args, &public)) != 0)
		return r;
	if (role < 0 && public < 0 && args_get(args, "title") == NULL)
		return cmd_error(ctx, EX_USAGE,
		    "nothing to change: give --title, --post-role or --public");
	cmd_store_actor(ctx, &a);
	c.title = args_get(args, "title");
	c.post_role = role;
	c.public = public;
	r = store_board_change(ctx->st, &a, args_pos(args, 0), &c, &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd cmd_board_create = {
	.name = "board create",
	.usage = "NAME [--title TEXT] [--post-role member|sysop] [--public]",
	.summary =
	    "create a board; --post-role says who may post, --public lets guests read it (logged)",
	.flags = CMD_SYSOP,
	.opts = board_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = board_create_exec,
};

const struct cmd cmd_board_edit = {
	.name = "board edit",
	.usage =
	    "NAME [--title TEXT] [--post-role member|sysop] [--public yes|no]",
	.summary =
	    "change a board's title, who may post, or whether guests may read it (logged)",
	.flags = CMD_SYSOP,
	.opts = board_edit_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = board_edit_exec,
};
