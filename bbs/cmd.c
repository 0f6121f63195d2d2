/* bbs: ISC licence, see LICENSE. */
/*
 * The command table and its dispatcher, shared by the exec commands and
 * the local administration commands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd.h"
#include "bbs/words.h"
#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

const struct cmd *const cmd_table[] = {
	&cmd_help,
	&cmd_whoami,
	&cmd_modlog,
	&cmd_flag,
	&cmd_erase_me,
	&cmd_key_revoke,
	&cmd_role,
	&cmd_flags,
	&cmd_dismiss,
	&cmd_hide,
	&cmd_unhide,
	&cmd_lock,
	&cmd_unlock,
	&cmd_sticky,
	&cmd_unsticky,
	&cmd_board_create,
	&cmd_board_edit,
	&cmd_pin,
	&cmd_pins,
	&cmd_vote,
	NULL,
};

int
cmd_error(struct cmd_ctx *ctx, int status, const char *fmt, ...)
{
	char *msg, *safe;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		fatalx("cmd_error: out of memory");
	va_end(ap);
	/* Messages quote what the client sent: never let it reach a terminal
	 * raw. */
	safe = utf8_sanitize(msg, strlen(msg), 0);
	fprintf(ctx->err, "%s: %s\n",
	    ctx->cmd != NULL ? ctx->cmd->name : "bbs", safe);
	free(safe);
	free(msg);
	return status;
}

int
cmd_fail(struct cmd_ctx *ctx, int r, char *cause)
{
	int status = bbs_exit_status(r);

	cmd_error(ctx, status, "%s", cause != NULL ? cause : store_strerror(r));
	free(cause);
	return status;
}

void
cmd_usage(FILE *f, const char *prog, const struct cmd *c)
{
	fprintf(f, "usage: %s%s%s%s%s\n", prog, *prog != '\0' ? " " : "",
	    c->name, *c->usage != '\0' ? " " : "", c->usage);
}

const char *
cmd_actor(const struct cmd_ctx *ctx)
{
	return ctx->console || ctx->me == NULL ? STORE_ACTOR_CONSOLE :
						 ctx->me->pseudonym;
}

void
cmd_store_actor(const struct cmd_ctx *ctx, struct store_actor *a)
{
	if (ctx->console || ctx->me == NULL)
		*a = store_console;
	else {
		a->member = ctx->me->id;
		a->name = ctx->me->pseudonym;
	}
}

int
cmd_id(struct cmd_ctx *ctx, const char *s, const char *what, int64_t *out)
{
	long long v;
	char *end;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0 || *s == '+')
		return cmd_error(ctx, EX_USAGE, "'%s' is not a %s id", s, what);
	*out = v;
	return 0;
}

int
cmd_limit(struct cmd_ctx *ctx, struct args *args, int def, int *out)
{
	const char *s = args_get(args, "limit");
	long v;
	char *end;

	*out = def;
	if (s == NULL)
		return 0;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 ||
	    v > STORE_LIMIT_MAX)
		return cmd_error(ctx, EX_USAGE, "--limit is 1 to %d",
		    STORE_LIMIT_MAX);
	*out = (int)v;
	return 0;
}

int
cmd_opt_line(struct cmd_ctx *ctx, struct args *args, const char *opt,
    size_t max, char **out)
{
	const char *v = args_get(args, opt);
	char *cause = NULL, *what;
	int r;

	xasprintf(&what, "--%s", opt);
	r = store_text_line(v != NULL ? v : "", max, 1, what, out, &cause);
	free(what);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

void
cmd_put_text(struct cmd_ctx *ctx, const char *s, int flags)
{
	char *safe = utf8_sanitize(s, strlen(s), flags);

	fputs(safe, ctx->out);
	free(safe);
}

void
cmd_put_json(struct cmd_ctx *ctx, const char *json)
{
	fputs(json, ctx->out);
	fputc('\n', ctx->out);
}

int
cmd_allowed(const struct cmd_ctx *ctx, const struct cmd *c)
{
	if (ctx->console)
		return 1;
	if (ctx->me == NULL)
		return 0;
	if (ctx->me->role == STORE_ROLE_BOT)
		return (c->flags & CMD_BOT) != 0;
	if (c->flags & CMD_SYSOP)
		return ctx->me->role == STORE_ROLE_SYSOP;
	return 1;
}

/* The command named by the first one or two words; *used = words used. */
static const struct cmd *
cmd_find(const struct cmd *const *table, int argc, char **argv, int *used)
{
	const struct cmd *const *c;
	size_t len;

	for (c = table; *c != NULL; c++) {
		len = strlen(argv[0]);
		if (strcmp((*c)->name, argv[0]) == 0) {
			*used = 1;
			return *c;
		}
		if (argc > 1 && strncmp((*c)->name, argv[0], len) == 0 &&
		    (*c)->name[len] == ' ' &&
		    strcmp((*c)->name + len + 1, argv[1]) == 0) {
			*used = 2;
			return *c;
		}
	}
	return NULL;
}

int
cmd_dispatch(struct cmd_ctx *ctx, const struct cmd *const *table,
    const char *prog, int argc, char **argv)
{
	const struct cmd *c;
	struct args *a = NULL;
	char *cause = NULL;
	int used = 0, status;
	size_t n;

	ctx->cmd = NULL;
	if (argc == 0)
		return cmd_error(ctx, EX_USAGE, "no command; try 'help'");
	if ((c = cmd_find(table, argc, argv, &used)) == NULL)
		return cmd_error(ctx, EX_USAGE, "unknown command '%s'",
		    argv[0]);
	ctx->cmd = c;
	if (!cmd_allowed(ctx, c))
		return cmd_error(ctx, EX_NOPERM, "%s",
		    ctx->me != NULL && ctx->me->role == STORE_ROLE_BOT ?
			"bot keys may not run this command" :
			"only sysops may run this command");
	if (args_parse(c->opts, argc - used, argv + used, &a, &cause) != 0) {
		status = cmd_error(ctx, EX_USAGE, "%s", cause);
		free(cause);
		cmd_usage(ctx->err, prog, c);
		return status;
	}
	if (args_has(a, "help")) {
		cmd_usage(ctx->out, prog, c);
		fprintf(ctx->out, "%s\n", c->summary);
		args_free(a);
		return 0;
	}
	n = args_count(a);
	if (n < (size_t)c->min_args || n > (size_t)c->max_args) {
		status = cmd_error(ctx, EX_USAGE, "%s arguments",
		    n < (size_t)c->min_args ? "missing" : "too many");
		cmd_usage(ctx->err, prog, c);
		args_free(a);
		return status;
	}
	status = c->exec(ctx, a);
	args_free(a);
	return status;
}

int
cmd_run_line(struct cmd_ctx *ctx, const char *line)
{
	char **argv = NULL, *cause = NULL;
	int argc, status;

	ctx->cmd = NULL;
	if (words_split(line, &argv, &argc, &cause) != 0) {
		status = cmd_error(ctx, EX_USAGE, "%s", cause);
		free(cause);
		return status;
	}
	status = cmd_dispatch(ctx, cmd_table, "", argc, argv);
	words_free(argv);
	return status;
}
