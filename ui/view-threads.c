/* bbs: ISC licence, see LICENSE. */
/*
 * The threads of one board: stickies first, then by latest activity (the
 * store's order), each with its unread count, sticky and locked markers,
 * author and replies. Enter reads a thread from its first unread post; w
 * starts a new one. Sysops lock or stick the chosen thread (L, S) after a
 * reason prompt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/threads.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

#define THREADS_MAX 1000 /* the newest this many; the store's ceiling */

struct view_threads {
	char *name;            /* the board's name */
	struct store_board *b; /* NULL if it is gone */
	struct store_thread *t;
	size_t n;
	struct ui_list list;
	struct ui_mod mod; /* the act a reason prompt is open for */
};

static void
threads_load(struct ui *ui, struct view_threads *v, int64_t select)
{
	size_t i;

	if (select == 0 && v->n > 0)
		select = v->t[v->list.sel].id;
	store_threads_free(v->t, v->n);
	store_board_free(v->b);
	v->t = NULL;
	v->b = NULL;
	v->n = 0;
	if (store_board_get(ui->st, v->name, &v->b) != STORE_OK ||
	    store_threads_list(ui->st, v->name, ui->me->id, THREADS_MAX, &v->t,
	        &v->n) != STORE_OK)
		ui_message(ui, "Cannot read this board; try again.");
	for (i = 0; i < v->n; i++) {
		if (v->t[i].id == select)
			v->list.sel = (int)i; /* the same thread stays chosen */
	}
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, ui_body_rows(ui) - 1);
}

static void *
threads_open(struct ui *ui, const void *arg)
{
	const struct ui_threads_arg *a = arg;
	struct view_threads *v = xcalloc(1, sizeof *v);

	v->name = xstrdup(a->board);
	threads_load(ui, v, a->select);
	return v;
}

static void
threads_close(void *p)
{
	struct view_threads *v = p;

	store_threads_free(v->t, v->n);
	store_board_free(v->b);
	free(v->name);
	free(v);
}

/* Columns: new, title (with markers), author when wide, replies. */
static void
threads_row(
    struct ui *ui, struct view_threads *v, WINDOW *w, int y, int cols, size_t i)
{
	struct store_thread *t = &v->t[i];
	attr_t a = (int)i == v->list.sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	attr_t dim = a | ui_attr(ui, UI_ATTR_DIM);
	int authw = cols >= 60 ? 14 : 0, x = 6, end = cols - 8 - authw;
	char num[24];

	ui_draw_fill(w, y, 0, cols, a);
	if (t->unread > 0) {
		snprintf(num, sizeof num, "%lld", (long long)t->unread);
		ui_draw_right(w, y, 4, 4, num, a | ui_attr(ui, UI_ATTR_UNREAD));
	}
	if (t->sticky)
		x += ui_draw_text(w, y, x, end - x, "[sticky] ", 9, dim);
	if (t->locked)
		x += ui_draw_text(w, y, x, end - x, "[locked] ", 9, dim);
	ui_draw_text(w, y, x, end - x, t->title, strlen(t->title),
	    t->unread > 0 ? a | A_BOLD : a);
	if (authw > 0)
		ui_draw_text(
		    w, y, end + 1, authw - 1, t->author, strlen(t->author), a);
	snprintf(num, sizeof num, "%lld", (long long)t->replies);
	ui_draw_right(w, y, cols - 1, 6, num, a);
}

static void
threads_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_threads *v = p;
	attr_t h = ui_attr(ui, UI_ATTR_TITLE);
	int y, authw = cols >= 60 ? 14 : 0;

	ui_list_clamp(&v->list, rows - 1);
	if (!ui_guest(ui)) /* a guest's board keeps no read positions */
		ui_draw_right(w, 0, 4, 4, "New", h);
	ui_draw_text(w, 0, 6, cols - 20, "Thread", 6, h);
	if (authw > 0)
		ui_draw_text(w, 0, cols - 8 - authw + 1, authw - 1, "By", 2, h);
	ui_draw_right(w, 0, cols - 1, 7, "Replies", h);
	if (v->n == 0)
		ui_draw_text(w, 2, 6, cols - 7,
		    ui_guest(ui) ? "No threads yet."
		                 : "No threads yet: w starts one.",
		    ui_guest(ui) ? 15 : 29, ui_attr(ui, UI_ATTR_DIM));
	for (y = 0; y < rows - 1 && v->list.top + y < (int)v->n; y++)
		threads_row(ui, v, w, y + 1, cols, (size_t)(v->list.top + y));
}

/* w: the editor for a new thread, if this member may start one here. */
static void
threads_write(struct ui *ui, struct view_threads *v)
{
	struct ui_editor_arg arg = { v->name, 0, NULL, NULL };

	if (v->b == NULL)
		ui_message(ui, "This board is gone.");
	else if (ui_may_post(ui, v->b, NULL))
		ui_push(ui, &ui_view_editor, &arg);
}

static enum ui_key_result
threads_key(struct ui *ui, void *p, int key)
{
	struct view_threads *v = p;
	struct store_thread *t = v->n > 0 ? &v->t[v->list.sel] : NULL;
	struct ui_pager_arg arg = { 0, 0 };

	if (ui_motion(key) == UI_MOTION_OPEN) {
		if (t != NULL) {
			arg.thread = t->id;
			ui_push(ui, &ui_view_pager, &arg);
		}
		return UI_KEY_USED;
	}
	switch (key) {
	case 'w':
		threads_write(ui, v);
		return UI_KEY_USED;
	case 'L':
	case 'S':
		/* Members never see these keys: for them they do nothing. */
		if (!ui_sysop(ui))
			return UI_KEY_UNUSED;
		if (t != NULL && key == 'L')
			ui_mod_ask(ui, &v->mod,
			    t->locked ? UI_MOD_UNLOCK : UI_MOD_LOCK, t->id,
			    NULL, NULL);
		else if (t != NULL)
			ui_mod_ask(ui, &v->mod,
			    t->sticky ? UI_MOD_UNSTICKY : UI_MOD_STICKY, t->id,
			    NULL, NULL);
		return UI_KEY_USED;
	case 'm':
		if (t != NULL && store_read_mark(ui->st, ui->me->id, t->id,
		                     t->last_post_id) != STORE_OK)
			ui_message(ui, "Cannot mark it read; try again.");
		threads_load(ui, v, 0);
		return UI_KEY_USED;
	case 'M':
		if (v->b != NULL && store_board_mark_read(ui->st, ui->me->id,
		                        v->b->id) != STORE_OK)
			ui_message(ui, "Cannot mark it read; try again.");
		threads_load(ui, v, 0);
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, ui_body_rows(ui) - 1);
}

static void
threads_reload(struct ui *ui, void *p)
{
	threads_load(ui, p, 0);
}

static const char *
threads_title(void *p)
{
	return ((struct view_threads *)p)->name;
}

static const struct ui_help threads_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "Enter l Right", "read the thread from its first unread post",
	    "Enter read", 0 },
	{ "w", "write a new thread on this board", "w write",
	    UI_HELP_NO_GUEST },
	UI_HELP_SHARED("n", UI_HELP_MEMBER),
	{ "L", "lock the chosen thread (no more replies), or unlock it",
	    "L lock", UI_HELP_SYSOP },
	{ "S", "make the chosen thread sticky (first on the board), or not",
	    "S sticky", UI_HELP_SYSOP },
	{ "m", "mark the chosen thread read", "m/M mark read",
	    UI_HELP_NO_GUEST },
	{ "M", "mark the whole board read", NULL, UI_HELP_NO_GUEST },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_threads = {
	.name = "threads",
	.open = threads_open,
	.close = threads_close,
	.draw = threads_draw,
	.key = threads_key,
	.reload = threads_reload,
	.title = threads_title,
	.help = threads_help,
	.motion = 1,
	.back = "back to the boards",
};
