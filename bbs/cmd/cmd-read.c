/* bbs: ISC licence, see LICENSE. */
/*
 * read THREAD_ID [--json]: a thread's posts, oldest first. Reading marks
 * the thread read for this member, as opening it on the board does.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "util/log.h"
#include "store/threads.h"
#include "util/xmalloc.h"

#define READ_PAGE 500 /* posts loaded at a time: a long thread never whole */

static const struct args_opt read_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static void
read_put_thread(struct cmd_ctx *ctx, const struct store_thread *t)
{
	fprintf(ctx->out, "%lld\t%s\t", (long long)t->id, t->board);
	cmd_put_time(ctx, t->created);
	fprintf(ctx->out, "\t%s\t%s\t", t->author,
	    cmd_thread_flags(t->sticky, t->locked));
	cmd_put_text(ctx, t->title, 0);
	fputc('\n', ctx->out);
}

static void
read_put_post(struct cmd_ctx *ctx, const struct store_post *p)
{
	char *shown = NULL;

	fprintf(ctx->out, "%lld\t", (long long)p->id);
	cmd_put_time(ctx, p->created);
	fprintf(ctx->out, "\t%s\n", p->author);
	if (p->hidden != NULL)
		xasprintf(&shown, "[hidden by sysop: %s]", p->hidden);
	cmd_put_body(ctx, shown != NULL ? shown : p->body);
	free(shown);
}

/* Every post after the thread line, a page at a time; *last the last id. */
static int
read_put_posts(struct cmd_ctx *ctx, int64_t thread, int64_t *last)
{
	struct store_post *p = NULL;
	size_t n, i;
	int r;

	*last = 0;
	do {
		if ((r = store_posts_page(ctx->st, thread, *last, 0, READ_PAGE,
		         &p, &n)) != STORE_OK)
			return r;
		for (i = 0; i < n; i++)
			read_put_post(ctx, &p[i]);
		if (n > 0)
			*last = p[n - 1].id;
		store_posts_free(p, n);
	} while (n == READ_PAGE);
	return STORE_OK;
}

static int
read_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_thread *t = NULL;
	char *json = NULL;
	int64_t id, last = 0;
	int r, status;

	if ((status = cmd_parse_id(ctx, args_pos(args, 0), "thread", &id)))
		return status;
	if ((r = store_thread_get(ctx->st, id, 0, &t)) == STORE_ERR_NOT_FOUND)
		return cmd_error(
		    ctx, EX_NOINPUT, "no thread %lld", (long long)id);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	if (args_has(args, "json")) {
		last = t->last_post_id;
		if ((r = store_thread_json(ctx->st, id, &json)) == STORE_OK)
			cmd_put_json(ctx, json);
		free(json);
	} else {
		read_put_thread(ctx, t);
		r = read_put_posts(ctx, id, &last);
	}
	store_thread_free(t);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	/*
	 * The thread is printed: a read position that cannot be written now
	 * (a busy database) is not worth a failing status and a retry.
	 */
	/* Nothing is written for a guest. */
	if (last > 0 && cmd_member_id(ctx) != 0 &&
	    store_read_mark(ctx->st, cmd_member_id(ctx), id, last) != 0)
		log_debug("read: the read position of thread %lld was not kept",
		    (long long)id);
	return 0;
}

const struct cmd cmd_read = {
	.name = "read",
	.usage = "THREAD_ID [--json]",
	.summary = "a thread's posts, oldest first",
	.help = "Prints the thread on one tab-separated line:\n"
	        "  ID  BOARD  CREATED  AUTHOR  FLAGS  TITLE\n"
	        "then each post, oldest first: a line\n"
	        "  POST_ID  CREATED  AUTHOR\n"
	        "and its body, every line indented by four spaces. A hidden\n"
	        "post reads [hidden by sysop: REASON]; an erased author is\n"
	        "[erased]. FLAGS is -, sticky, locked or sticky,locked. Marks\n"
	        "the thread read for you.\n"
	        "--json: {id, board, title, author, created, locked, sticky,\n"
	        "posts: [{id, author, created, body, hidden}]}; a hidden post\n"
	        "has body null and hidden the reason.\n"
	        "Exit: 0; 64 for a bad id; 66 when there is no such thread.\n",
	.flags = CMD_BOT | CMD_GUEST_READ,
	.opts = read_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = read_exec,
};
