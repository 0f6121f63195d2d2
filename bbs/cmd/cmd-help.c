/* bbs: ISC licence, see LICENSE. */
/* help [COMMAND]: the commands this key may run, or one command's help. */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "store/invites.h"
#include "util/xmalloc.h"

/* Every command named want ("key" names each "key ..."); 0 if none. */
static int
help_one(struct cmd_ctx *ctx, const char *want)
{
	const struct cmd *const *c;
	size_t len = strlen(want);
	int found = 0;

	for (c = cmd_table; *c != NULL; c++) {
		if (strcmp((*c)->name, want) != 0 &&
		    !(strncmp((*c)->name, want, len) == 0 &&
		        (*c)->name[len] == ' '))
			continue;
		if (!cmd_allowed(ctx, *c))
			continue;
		if (found++ > 0)
			fputc('\n', ctx->out);
		cmd_describe(ctx->out, "", *c);
	}
	return found;
}

/* How a guest joins, or how far an applicant is. */
static void
help_front_door(struct cmd_ctx *ctx)
{
	struct store_applicant a;

	if (ctx->guest) {
		fprintf(ctx->out,
		    "A member's invitation lets you in: make a key for this board\n(ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519) and run\n  ssh guest@HOST join CODE PSEUDONYM < ~/.ssh/bbs_ed25519.pub\n");
		return;
	}
	if (ctx->me == NULL || ctx->me->role != STORE_ROLE_APPLICANT ||
	    store_applicant_get(ctx->st, ctx->me->pseudonym, &a) != STORE_OK)
		return;
	fprintf(ctx->out,
	    "You are an applicant: %lld of %lld vouches. A member makes you one\nwith 'vouch %s'; until then only whoami and help run. Waiting ends\n",
	    (long long)a.vouches, (long long)a.needed, a.pseudonym);
	cmd_put_time(ctx, a.expires);
	fputs(".\n", ctx->out);
	store_applicant_clear(&a);
}

static int
help_exec(struct cmd_ctx *ctx, struct args *args)
{
	const struct cmd *const *c;
	char *want;
	int found;

	/* ssh flattens `help 'key add'` into two words: take both. */
	if (args_count(args) > 0) {
		xasprintf(&want, "%s%s%s", args_pos(args, 0),
		    args_count(args) > 1 ? " " : "",
		    args_count(args) > 1 ? args_pos(args, 1) : "");
		found = help_one(ctx, want);
		if (!found)
			cmd_error(ctx, EX_USAGE, "no command '%s'", want);
		free(want);
		return found ? 0 : EX_USAGE;
	}
	if (ctx->guest || ctx->me == NULL)
		fprintf(ctx->out, "Commands for a guest:\n");
	else
		fprintf(ctx->out, "Commands for %s (%s):\n", ctx->me->pseudonym,
		    store_role_name(ctx->me->role));
	for (c = cmd_table; *c != NULL; c++) {
		if (cmd_allowed(ctx, *c))
			fprintf(ctx->out, "  %-12s %s\n", (*c)->name,
			    (*c)->summary);
	}
	fprintf(ctx->out,
	    "Run 'help COMMAND' for its options; 'ssh -t' opens the board.\n");
	help_front_door(ctx);
	return 0;
}

const struct cmd cmd_help = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = "list the commands this key may run, or show one",
	.help = "Without COMMAND, one line for each command this key may run.\n"
	        "With it, that command's usage, options, output and exit\n"
	        "statuses; 'help key' shows every 'key ...' command.\n"
	        "Exit: 0; 64 for a command this key may not run or that\n"
	        "does not exist.\n",
	.flags = CMD_BOT | CMD_GUEST | CMD_APPLICANT,
	.min_args = 0,
	.max_args = 2,
	.exec = help_exec,
};
