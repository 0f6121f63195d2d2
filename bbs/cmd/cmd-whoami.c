/* bbs: ISC licence, see LICENSE. */
/* whoami [--json]: the pseudonym and role this key belongs to. */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt whoami_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
whoami_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *json = NULL;
	int r;

	if (!args_has(args, "json")) {
		fprintf(ctx->out, "%s %s\n", ctx->me->pseudonym,
		    store_role_name(ctx->me->role));
		return 0;
	}
	if ((r = store_whoami_json(ctx->st, ctx->login.key_row, &json)) != 0)
		return cmd_fail(ctx, r, NULL);
	cmd_put_json(ctx, json);
	free(json);
	return 0;
}

const struct cmd cmd_whoami = {
	.name = "whoami",
	.usage = "[--json]",
	.summary = "your pseudonym and role",
	.help = "Prints PSEUDONYM ROLE on one line, e.g. \"alice member\".\n"
	        "--json: {pseudonym, role, key_id}, key_id being the key\n"
	        "this connection logged in with. An applicant's role is\n"
	        "applicant.\n"
	        "Exit: 0.\n",
	.flags = CMD_BOT | CMD_APPLICANT,
	.opts = whoami_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = whoami_exec,
};
