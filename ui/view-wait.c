/* bbs: ISC licence, see LICENSE. */
/*
 * An applicant's whole session (SPEC section 10): a waiting screen with
 * their vouches so far and needed, when they would be removed, and how
 * vouching works. q quits; no other key does anything, and no board is
 * reachable from here. Reloads at the poll: a vouch shows at once, and
 * an admission says to log in again (a rejection ends the session, the
 * key being gone).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/invites.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/sshline.h"
#include "util/xmalloc.h"

struct view_wait {
	struct store_applicant a;
	int found; /* a holds the applicant's row */
};

static void
wait_load(struct ui *ui, struct view_wait *v)
{
	store_applicant_clear(&v->a);
	v->found =
	    ui->me->role == STORE_ROLE_APPLICANT &&
	    store_applicant_get(ui->st, ui->me->pseudonym, &v->a) == STORE_OK;
}

static void *
wait_open(struct ui *ui, const void *arg)
{
	struct view_wait *v = xcalloc(1, sizeof *v);

	(void)arg;
	wait_load(ui, v);
	return v;
}

static void
wait_close(void *p)
{
	struct view_wait *v = p;

	store_applicant_clear(&v->a);
	free(v);
}

/* What the screen says, for the applicant called me. */
static void
wait_text(struct ui *ui, struct view_wait *v, struct buf *b)
{
	char when[20], *rest, *vouch;
	const char *me = ui->me->pseudonym;

	if (ui->me->role != STORE_ROLE_APPLICANT) {
		buf_printf(b,
		    "Welcome, %s: the members have let you in. You are a member now.\n\n"
		    "Press q and log in again: the boards open.\n",
		    me);
		return;
	}
	buf_printf(b,
	    "Welcome, %s. You are an applicant: you joined with an invitation, and you wait for members to vouch for you.\n\n",
	    me);
	if (v->found) {
		text_time(v->a.expires, 0, when);
		buf_printf(b, "Vouches: %lld of %lld needed.\n",
		    (long long)v->a.vouches, (long long)v->a.needed);
		buf_printf(b,
		    "You wait until %s UTC; if you are not a member by then, this key is removed and you need a new invitation.\n\n",
		    when);
	}
	xasprintf(&rest, "vouch %s", me);
	vouch = sshline_format(ui_address(ui), NULL, NULL, rest);
	buf_printf(b,
	    "How vouching works: each member who knows you may vouch for you once, by running\n\n"
	    "  %s\n\n"
	    "or from the list of applicants on the board. Your invitation counted as the first vouch, your inviter's. With enough vouches you are a member: log in again and the boards open. Tell members who know you that you are waiting.\n\n"
	    "Until then there is nothing else here. q quits.\n",
	    vouch);
	free(vouch);
	free(rest);
}

static void
wait_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_wait *v = p;
	struct text_line *lines;
	struct buf b;
	size_t n, i;
	int width = cols - 2;

	buf_init(&b);
	wait_text(ui, v, &b);
	text_wrap(b.data, width, &lines, &n);
	for (i = 0; i < n && (int)i < rows; i++)
		ui_draw_text(w, (int)i, 1, width, b.data + lines[i].off,
		    lines[i].len, i == 0 ? ui_attr(ui, UI_ATTR_TITLE) : 0);
	free(lines);
	buf_free(&b);
}

/* q closes the session; A (plain ASCII) passes; everything else is idle. */
static enum ui_key_result
wait_key(struct ui *ui, void *p, int key)
{
	(void)ui;
	(void)p;
	if (key == 'q')
		return UI_KEY_CLOSE;
	return key == 'A' ? UI_KEY_UNUSED : UI_KEY_USED;
}

static void
wait_reload(struct ui *ui, void *p)
{
	wait_load(ui, p);
}

static const char *
wait_title(void *p)
{
	(void)p;
	return "waiting for vouches";
}

static const struct ui_help wait_help[] = {
	{ "q", "quit (log in again once you are a member)", "q quit", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_wait = {
	.name = "waiting",
	.open = wait_open,
	.close = wait_close,
	.draw = wait_draw,
	.key = wait_key,
	.reload = wait_reload,
	.title = wait_title,
	.help = wait_help,
};
