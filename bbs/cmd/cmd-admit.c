/* bbs: ISC licence, see LICENSE. */
/*
 * admit PSEUDONYM [--reason TEXT] and reject PSEUDONYM [--reason TEXT]:
 * a sysop decides about an applicant at once, on the moderation log
 * (which names the applicant, never who invited or vouched). Either way
 * the applicant's vouches are deleted; a rejected applicant's keys too.
 */
#include "bbs/cmd/cmd.h"
#include "store/invites.h"

static const struct args_opt admit_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

static int
admit_run(struct cmd_ctx *ctx, struct args *args, int admit)
{
	struct store_actor a;
	char *cause = NULL;
	int r;

	cmd_store_actor(ctx, &a);
	r = (admit ? store_applicant_admit : store_applicant_reject)(
	    ctx->st, &a, args_pos(args, 0), args_get(args, "reason"), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

static int
admit_exec(struct cmd_ctx *ctx, struct args *args)
{
	return admit_run(ctx, args, 1);
}

static int
reject_exec(struct cmd_ctx *ctx, struct args *args)
{
	return admit_run(ctx, args, 0);
}

/*
 * Both run admit_run(): one usage, one set of options, one way to end
 * (the exit statuses); they differ in what they do to the applicant.
 */
#define APPLICANT_CMD(n, what, text, fn)                                       \
	const struct cmd cmd_##n = {                                           \
		.name = #n,                                                    \
		.usage = "PSEUDONYM [--reason TEXT]",                          \
		.summary = what,                                               \
		.help = text                                                   \
		"Exit: 0; 65 for a bad reason; 66 for a name that is no\n"     \
		"applicant; 77 for members.\n",                                \
		.flags = CMD_SYSOP,                                            \
		.opts = admit_opts,                                            \
		.min_args = 1,                                                 \
		.max_args = 1,                                                 \
		.exec = fn,                                                    \
	}

APPLICANT_CMD(admit, "make an applicant a member at once (logged)",
    "The applicant becomes a member without waiting for more\n"
    "vouches; their vouches are deleted. Logged as 'admit'.\n",
    admit_exec);
APPLICANT_CMD(reject, "remove an applicant and their keys (logged)",
    "The applicant, their keys and their vouches are deleted;\n"
    "the pseudonym is free again. Logged as 'reject'.\n",
    reject_exec);
