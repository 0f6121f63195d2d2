/* bbs: ISC licence, see LICENSE. */
/*
 * invites [--json]: your own open invitations. Nobody sees anyone
 * else's, and a used one is gone: it named its inviter only while open.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "store/invites.h"

static const struct args_opt invites_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
invites_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_invite *v = NULL;
	char *json = NULL;
	size_t n = 0, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_invites_json(
		         ctx->st, cmd_member_id(ctx), &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_invites_list(ctx->st, cmd_member_id(ctx), &v, &n)) !=
	    STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%lld\t", (long long)v[i].id);
		cmd_put_time(ctx, v[i].created);
		fputc('\t', ctx->out);
		cmd_put_time(ctx, v[i].expires);
		fputc('\n', ctx->out);
	}
	store_invites_free(v, n);
	return 0;
}

const struct cmd cmd_invites = {
	.name = "invites",
	.usage = "[--json]",
	.summary = "your open invitations: id, created, expires",
	.help = "Prints one line an open invitation, oldest first,\n"
	        "tab-separated:\n"
	        "  ID  CREATED  EXPIRES\n"
	        "A code used, withdrawn or expired is no longer listed (nor\n"
	        "kept). The codes themselves are never shown again.\n"
	        "--json: [{id, created, expires}].\n"
	        "Exit: 0; 77 for bots and applicants.\n",
	.opts = invites_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = invites_exec,
};
