/* bbs: ISC licence, see LICENSE. */
/*
 * The command table and its dispatcher, shared by the exec commands and
 * the local administration commands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "bbs/cmd/input.h"
#include "bbs/cmd/words.h"
#include "store/guest.h"
#include "store/invites.h"
#include "store/threads.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* The order `help` lists them in. */
const struct cmd *const cmd_table[] = {
	&cmd_help,
	&cmd_whoami,
	&cmd_boards,
	&cmd_threads,
	&cmd_read,
	&cmd_post,
	&cmd_reply,
	&cmd_search,
	&cmd_pins,
	&cmd_pin,
	&cmd_vote,
	&cmd_forget_reads,
	&cmd_modlog,
	&cmd_flag,
	&cmd_erase_me,
	&cmd_key_add,
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
	/* Before "invite", which would take "revoke" for an argument. */
	&cmd_invite_revoke,
	&cmd_invite,
	&cmd_invites,
	&cmd_applicants,
	&cmd_vouch,
	&cmd_admit,
	&cmd_reject,
	&cmd_join,
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
	fprintf(ctx->err, "%s: %s\n", ctx->cmd != NULL ? ctx->cmd->name : "bbs",
	    safe);
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

int
cmd_two_sysops_done(struct cmd_ctx *ctx, int r, int pending, char *cause)
{
	if (r != STORE_OK)
		return cmd_fail(ctx, r, cause);
	if (pending)
		fprintf(ctx->out, "pending\n");
	return 0;
}

/* Prints "usage: NAME USAGE" to f. */
static void
cmd_usage(FILE *f, const char *prog, const struct cmd *c)
{
	fprintf(f, "usage: %s%s%s%s%s\n", prog, *prog != '\0' ? " " : "",
	    c->name, *c->usage != '\0' ? " " : "", c->usage);
}

void
cmd_describe(FILE *f, const char *prog, const struct cmd *c)
{
	const struct args_opt *o;

	cmd_usage(f, prog, c);
	fprintf(f, "%s\n", c->summary);
	for (o = c->opts; o != NULL && o->name != NULL; o++)
		fprintf(f, "  --%s%s%s\n", o->name,
		    (o->flags & ARGS_VALUE) ? " VALUE" : "",
		    (o->flags & ARGS_MULTI) ? " (may repeat)" : "");
	if (c->help != NULL)
		fprintf(f, "%s", c->help);
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

void
cmd_put_text(struct cmd_ctx *ctx, const char *s, int flags)
{
	char *safe = utf8_sanitize(s, strlen(s), flags);

	fputs(safe, ctx->out);
	free(safe);
}

void
cmd_put_body(struct cmd_ctx *ctx, const char *s)
{
	char *safe = utf8_sanitize(s, strlen(s), UTF8_KEEP_NL | UTF8_KEEP_TAB);
	const char *line = safe, *nl;

	/* The last line has no newline after it: stop before nl + 1. */
	for (;;) {
		nl = strchr(line, '\n');
		fprintf(ctx->out, "    %.*s\n",
		    (int)(nl != NULL ? (size_t)(nl - line) : strlen(line)),
		    line);
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	free(safe);
}

const char *
cmd_thread_flags(int sticky, int locked)
{
	if (sticky && locked)
		return "sticky,locked";
	if (sticky)
		return "sticky";
	return locked ? "locked" : "-";
}

void
cmd_put_time(struct cmd_ctx *ctx, int64_t t)
{
	char when[21];

	store_time_format(t, when);
	fputs(when, ctx->out);
}

void
cmd_put_applicant(
    struct cmd_ctx *ctx, const struct store_applicant *a, const char *last)
{
	fprintf(ctx->out, "%s\t%lld\t%lld\t%s\n", a->pseudonym,
	    (long long)a->vouches, (long long)a->needed, last);
}

void
cmd_put_json(struct cmd_ctx *ctx, const char *json)
{
	fputs(json, ctx->out);
	fputc('\n', ctx->out);
}

int
cmd_parse_id(
    struct cmd_ctx *ctx, const char *word, const char *what, int64_t *out)
{
	char *end;
	long long v;

	*out = 0;
	/* strtoll alone would take " 12", "+12" and "0x1f". */
	if (word[0] < '0' || word[0] > '9')
		goto bad;
	errno = 0;
	v = strtoll(word, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1)
		goto bad;
	*out = v;
	return 0;
bad:
	return cmd_error(ctx, EX_USAGE, "'%s' is not a %s id", word, what);
}

int
cmd_opt_limit(struct cmd_ctx *ctx, struct args *args, int def, int *out)
{
	const char *v = args_get(args, "limit");
	int64_t n;

	*out = def;
	if (v == NULL)
		return 0;
	/* Digits only, and few enough that strtoll cannot overflow. */
	if (v[0] == '\0' || v[strspn(v, "0123456789")] != '\0' ||
	    strlen(v) > 9 || (n = strtoll(v, NULL, 10)) < 1 ||
	    n > STORE_LIMIT_MAX)
		return cmd_error(
		    ctx, EX_USAGE, "--limit must be 1 to %d", STORE_LIMIT_MAX);
	*out = (int)n;
	return 0;
}

int
cmd_read_stdin(struct cmd_ctx *ctx, size_t max, const char *what, int64_t limit,
    char **out, size_t *len)
{
	struct input_limits lim = { max, INPUT_IDLE_MS, INPUT_TOTAL_MS,
		INPUT_RATE, INPUT_RATE_AFTER_MS };

	switch (input_read(fileno(ctx->in), &lim, out, len)) {
	case INPUT_OK:
		return 0;
	case INPUT_TOO_LARGE:
		return cmd_error(ctx, EX_DATAERR,
		    "%s is too large (at most %lld bytes)", what,
		    (long long)limit);
	case INPUT_IDLE:
		return cmd_error(ctx, EX_DATAERR,
		    "standard input was silent for %d seconds; end it with a file (< FILE) or Ctrl-D",
		    INPUT_IDLE_MS / 1000);
	/* Nothing was stored, so the same input may be sent again: 75. */
	case INPUT_SLOW:
		return cmd_error(ctx, EX_TEMPFAIL,
		    "standard input came too slowly (under %d bytes a minute); nothing was stored, send it again from a file (< FILE)",
		    INPUT_RATE);
	case INPUT_LATE:
		return cmd_error(ctx, EX_TEMPFAIL,
		    "standard input took longer than %d minutes; nothing was stored, send it again from a file (< FILE)",
		    INPUT_TOTAL_MS / 60000);
	default:
		log_error("%s: reading standard input: %s", __func__,
		    strerror(errno));
		return cmd_error(ctx, EX_IOERR, "cannot read standard input");
	}
}

int
cmd_read_input(struct cmd_ctx *ctx, char **out, size_t *len)
{
	int64_t body_max = 0;
	int r;

	if ((r = store_setting_get(ctx->st, "body_max", &body_max)) != 0)
		return cmd_fail(ctx, r, NULL);
	return cmd_read_stdin(
	    ctx, CMD_INPUT_MAX(body_max), "the body", body_max, out, len);
}

/* EX_NOPERM after naming the boards this bot key may post on. */
static int
cmd_bot_refuse(struct cmd_ctx *ctx, const char *board)
{
	struct buf list;
	char **b;
	int status;

	buf_init(&list);
	for (b = ctx->boards; b != NULL && *b != NULL; b++)
		buf_printf(&list, "%s%s", list.len > 0 ? ", " : "", *b);
	status =
	    cmd_error(ctx, EX_NOPERM, "this bot key may not post on %s (%s%s)",
	        board, list.len > 0 ? "only on " : "it may post nowhere",
	        list.len > 0 ? list.data : "");
	buf_free(&list);
	return status;
}

int
cmd_may_post(struct cmd_ctx *ctx, const struct store_board *b,
    const struct store_thread *t)
{
	enum store_post_bar bar = STORE_POST_OK;
	char *cause = NULL;
	int r, status = 0;

	if (!ctx->console && ctx->me != NULL &&
	    (r = store_post_check(ctx->st, ctx->me->id, b, t, &bar, &cause)) !=
	        STORE_OK) {
		if (bar == STORE_POST_UNGRANTED)
			status = cmd_bot_refuse(ctx, b->name);
		else {
			status = cmd_fail(ctx, r, cause); /* frees cause */
			cause = NULL;
		}
	}
	free(cause);
	return status;
}

/* The setting guests (off, join, read) for a guest's context. */
static int64_t
cmd_guests(const struct cmd_ctx *ctx)
{
	int64_t v = STORE_GUESTS_OFF;

	if (store_setting_get(ctx->st, "guests", &v) != STORE_OK)
		return STORE_GUESTS_OFF;
	return v;
}

int64_t
cmd_member_id(const struct cmd_ctx *ctx)
{
	return ctx->me != NULL && !ctx->guest ? ctx->me->id : 0;
}

int
cmd_allowed(const struct cmd_ctx *ctx, const struct cmd *c)
{
	int64_t guests;

	if (ctx->console)
		return 1;
	if (ctx->guest) {
		if ((guests = cmd_guests(ctx)) == STORE_GUESTS_OFF)
			return 0;
		return (c->flags & CMD_GUEST) != 0 ||
		       ((c->flags & CMD_GUEST_READ) &&
		           guests == STORE_GUESTS_READ);
	}
	if (ctx->me == NULL || (c->flags & CMD_NEWCOMER))
		return 0;
	if (ctx->me->role == STORE_ROLE_APPLICANT)
		return (c->flags & CMD_APPLICANT) != 0;
	if (ctx->me->role == STORE_ROLE_BOT)
		return (c->flags & CMD_BOT) != 0;
	if (c->flags & CMD_SYSOP)
		return ctx->me->role == STORE_ROLE_SYSOP;
	return 1;
}

/* Why c may not run here, in one line. */
static const char *
cmd_refusal(const struct cmd_ctx *ctx, const struct cmd *c)
{
	if (ctx->guest) {
		switch (cmd_guests(ctx)) {
		case STORE_GUESTS_OFF:
			return "this board takes no guests";
		case STORE_GUESTS_JOIN:
			return "a guest may only run help and join; members log in with their key";
		default:
			return "a guest may only read the public boards (help, join, boards, threads, read, search, modlog); members log in with their key";
		}
	}
	if (ctx->me != NULL && (c->flags & CMD_NEWCOMER))
		return "you are logged in with a key already: join is for newcomers, as 'ssh guest@HOST join CODE PSEUDONYM < KEY.pub'";
	if (ctx->me != NULL && ctx->me->role == STORE_ROLE_APPLICANT)
		return "you are an applicant: until members vouch for you, only whoami and help run ('help' counts the vouches)";
	if (ctx->me != NULL && ctx->me->role == STORE_ROLE_BOT)
		return "bot keys may not run this command";
	return "only sysops may run this command";
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

/* Whether name is the first word of two-word commands ("key add"). */
static int
cmd_is_group(const struct cmd *const *table, const char *name)
{
	size_t len = strlen(name);

	for (; *table != NULL; table++) {
		if (strncmp((*table)->name, name, len) == 0 &&
		    (*table)->name[len] == ' ')
			return 1;
	}
	return 0;
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
	if ((c = cmd_find(table, argc, argv, &used)) == NULL) {
		if (argc > 1 && cmd_is_group(table, argv[0]))
			return cmd_error(ctx, EX_USAGE,
			    "unknown command '%s %s'", argv[0], argv[1]);
		return cmd_error(
		    ctx, EX_USAGE, "unknown command '%s'", argv[0]);
	}
	ctx->cmd = c;
	if (!cmd_allowed(ctx, c))
		return cmd_error(ctx, EX_NOPERM, "%s", cmd_refusal(ctx, c));
	/* One line on stderr (SPEC section 9), the usage folded in. */
	if (args_parse(c->opts, argc - used, argv + used, &a, &cause) != 0) {
		status = cmd_error(ctx, EX_USAGE, "%s (usage: %s%s%s %s)",
		    cause, prog, *prog != '\0' ? " " : "", c->name, c->usage);
		free(cause);
		return status;
	}
	if (args_has(a, "help")) {
		cmd_describe(ctx->out, prog, c);
		args_free(a);
		return 0;
	}
	n = args_count(a);
	if (n < (size_t)c->min_args || n > (size_t)c->max_args) {
		status =
		    cmd_error(ctx, EX_USAGE, "%s arguments (usage: %s%s%s %s)",
		        n < (size_t)c->min_args ? "missing" : "too many", prog,
		        *prog != '\0' ? " " : "", c->name, c->usage);
		args_free(a);
		return status;
	}
	status = c->exec(ctx, a);
	/* Whatever broke inside the store, said once for the log. */
	bbs_store_report(ctx->st, c->name);
	args_free(a);
	return status;
}

int
cmd_run_line(struct cmd_ctx *ctx, const char *line)
{
	char **argv = NULL, *cause = NULL;
	int argc, status;

	ctx->cmd = NULL;
	/* A guest sees the public boards only and writes nothing. */
	if (ctx->guest && store_set_guest(ctx->st) != STORE_OK)
		return cmd_error(ctx, EX_SOFTWARE, "internal error");
	if (words_split(line, &argv, &argc, &cause) != 0) {
		status = cmd_error(ctx, EX_USAGE, "%s", cause);
		free(cause);
		return status;
	}
	status = cmd_dispatch(ctx, cmd_table, "", argc, argv);
	words_free(argv);
	return status;
}
