/* bbs: ISC licence, see LICENSE. */
/* bbs member list, bbs member role: the console's view of members. */
#include <stdlib.h>

#include "bbs/admin/admin.h"

static const struct args_opt member_list_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
member_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_member *m = NULL;
	char *json = NULL;
	size_t n, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_members_json(ctx->st, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_members_list(ctx->st, &m, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++)
		fprintf(ctx->out, "%s\t%s\t%d\n", m[i].pseudonym,
		    store_role_name(m[i].role), m[i].keys);
	store_members_free(m, n);
	return 0;
}

const struct cmd admin_member_list = {
	.name = "member list",
	.usage = "[--json]",
	.summary = "every member: pseudonym, role, keys in use",
	.opts = member_list_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = member_list_exec,
};

static const struct args_opt member_role_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

/* The console's `member role` is `role` over SSH, without the rule. */
const struct cmd admin_member_role = {
	.name = "member role",
	.usage = "PSEUDONYM member|sysop [--reason TEXT]",
	.summary = "make a member a sysop or a sysop a member (logged)",
	.opts = member_role_opts,
	.min_args = 2,
	.max_args = 2,
	.exec = cmd_role_exec,
};
