/* bbs: ISC licence, see LICENSE. */
/*
 * role PSEUDONYM member|sysop [--reason TEXT]: a sysop changes a member's
 * role. Demoting another sysop takes two sysops: the first prints
 * "pending". Logged either way. The console's `bbs member role` runs the
 * same code and is exempt from the rule.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt role_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

int
cmd_role_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *name = args_pos(args, 1);
	struct store_actor a;
	enum store_role role;
	char *cause = NULL;
	int r, pending = 0;

	if (store_role_parse(name, &role) != 0 || role == STORE_ROLE_BOT)
		return cmd_error(
		    ctx, EX_USAGE, "unknown role '%s' (member or sysop)", name);
	cmd_store_actor(ctx, &a);
	r = store_role_set(ctx->st, &a, args_pos(args, 0), role,
	    args_get(args, "reason"), &pending, &cause);
	return cmd_two_sysops_done(ctx, r, pending, cause);
}

const struct cmd cmd_role = {
	.name = "role",
	.usage = "PSEUDONYM member|sysop [--reason TEXT]",
	.summary =
	    "change a member's role (logged; making or unmaking another sysop takes two sysops)",
	.flags = CMD_SYSOP,
	.opts = role_opts,
	.min_args = 2,
	.max_args = 2,
	.exec = cmd_role_exec,
};
