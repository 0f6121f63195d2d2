/* bbs: ISC licence, see LICENSE. */
/* help [COMMAND]: the commands this key may run, or one command's help. */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
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
	if (ctx->guest)
		fprintf(ctx->out, "Commands for guests (no key):\n");
	else
		fprintf(ctx->out, "Commands for %s (%s):\n", ctx->me->pseudonym,
		    store_role_name(ctx->me->role));
	for (c = cmd_table; *c != NULL; c++) {
		if (cmd_allowed(ctx, *c))
			fprintf(ctx->out, "  %-12s %s\n", (*c)->name,
			    (*c)->summary);
	}
	fprintf(ctx->out, "Run 'help COMMAND' for its options; 'ssh -t' "
	                  "opens the board.\n");
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
	.flags = CMD_BOT,
	.min_args = 0,
	.max_args = 2,
	.exec = help_exec,
};
