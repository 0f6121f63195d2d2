/* bbs: ISC licence, see LICENSE. */
/*
 * applicants [--json]: newcomers waiting for vouches, with how many they
 * have and need; never who vouched.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "store/invites.h"

static const struct args_opt applicants_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
applicants_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_applicant *a = NULL;
	char *json = NULL, when[21];
	size_t n = 0, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_applicants_json(ctx->st, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_applicants_list(ctx->st, &a, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++) {
		store_time_format(a[i].expires, when);
		cmd_put_applicant(ctx, &a[i], when);
	}
	store_applicants_free(a, n);
	return 0;
}

const struct cmd cmd_applicants = {
	.name = "applicants",
	.usage = "[--json]",
	.summary =
	    "applicants waiting for vouches: pseudonym, vouches, needed, expires",
	.help = "Prints one line an applicant, the longest waiting first,\n"
	        "tab-separated:\n"
	        "  PSEUDONYM  VOUCHES  NEEDED  EXPIRES\n"
	        "An applicant not admitted by EXPIRES (14 days after joining)\n"
	        "is removed with their key. 'vouch PSEUDONYM' counts yours.\n"
	        "--json: [{pseudonym, vouches, needed, expires}].\n"
	        "Exit: 0; 77 for bots and applicants.\n",
	.opts = applicants_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = applicants_exec,
};
