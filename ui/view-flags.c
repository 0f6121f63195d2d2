/* bbs: ISC licence, see LICENSE. */
/*
 * The sysops' queue of open flags, oldest first, two rows a flag: its
 * id, time, the post and its thread's title, then the reason the member
 * gave (who flagged is never kept). Enter opens the post in its thread,
 * where H hides it, which closes its flags; d dismisses a flag after a
 * reason prompt. Both are on the log. Reloads at the poll and when it
 * is uncovered, so a flag closed elsewhere leaves the queue. Shows
 * nothing to a member (a sysop demoted while it was open).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/moderation.h"
#include "store/threads.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

#define FLAGS_ROWS 2 /* rows a flag takes */

struct view_flags {
	struct store_flag *f;
	char **title; /* each flag's thread title */
	size_t n;
	struct ui_list list; /* over flags, not rows */
	struct ui_mod mod;   /* the dismissal a prompt is open for */
};

static void
flags_clear(struct view_flags *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->title[i]);
	free(v->title);
	store_flags_free(v->f, v->n);
	v->title = NULL;
	v->f = NULL;
	v->n = 0;
}

static void
flags_load(struct ui *ui, struct view_flags *v)
{
	int64_t sel = v->n > 0 ? v->f[v->list.sel].id : 0;
	struct store_thread *t;
	size_t i;

	flags_clear(v);
	if (ui_sysop(ui) && store_flags_list(ui->st, &v->f, &v->n) != STORE_OK)
		ui_message(ui, "Cannot read the flags; try again.");
	if (v->n > 0)
		v->title = xcalloc(v->n, sizeof *v->title);
	for (i = 0; i < v->n; i++) {
		t = NULL;
		v->title[i] = xstrdup(
		    store_thread_get(ui->st, v->f[i].thread, 0, &t) == STORE_OK
		        ? t->title
		        : "");
		store_thread_free(t);
		if (v->f[i].id == sel)
			v->list.sel = (int)i; /* the same flag stays chosen */
	}
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, ui_list_page(ui_body_rows(ui) - 1, FLAGS_ROWS));
}

static void *
flags_open(struct ui *ui, const void *arg)
{
	struct view_flags *v = xcalloc(1, sizeof *v);

	(void)arg;
	flags_load(ui, v);
	return v;
}

static void
flags_close(void *p)
{
	struct view_flags *v = p;

	flags_clear(v);
	free(v);
}

static void
flags_draw_flag(struct ui *ui, WINDOW *w, int y, int cols,
    const struct view_flags *v, size_t i)
{
	const struct store_flag *f = &v->f[i];
	attr_t a = (int)i == v->list.sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	char head[96], when[20];
	int x;

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_fill(w, y + 1, 0, cols, a);
	text_time(f->created, cols < 60, when);
	snprintf(head, sizeof head,
	    "flag #%lld  %s  post #%lld, thread #%lld: ", (long long)f->id,
	    when, (long long)f->post, (long long)f->thread);
	x = 1 + ui_draw_text(w, y, 1, cols - 2, head, strlen(head),
	            a | ui_attr(ui, UI_ATTR_DIM));
	if (x < cols - 1)
		ui_draw_text(w, y, x, cols - 1 - x, v->title[i],
		    strlen(v->title[i]), a | A_BOLD);
	ui_draw_text(w, y + 1, 4, cols - 5, f->reason, strlen(f->reason), a);
}

static void
flags_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_flags *v = p;
	int per = ui_list_page(rows - 1, FLAGS_ROWS), i;
	char head[64];

	snprintf(head, sizeof head, "Open flags, oldest first (%zu)", v->n);
	ui_draw_text(
	    w, 0, 1, cols - 2, head, strlen(head), ui_attr(ui, UI_ATTR_TITLE));
	if (v->n == 0) {
		ui_draw_text(w, 2, 1, cols - 2, "No open flags.", 14,
		    ui_attr(ui, UI_ATTR_DIM));
		return;
	}
	ui_list_clamp(&v->list, per);
	for (i = 0; i < per && v->list.top + i < (int)v->n; i++)
		flags_draw_flag(ui, w, 1 + i * FLAGS_ROWS, cols, v,
		    (size_t)(v->list.top + i));
}

static enum ui_key_result
flags_key(struct ui *ui, void *p, int key)
{
	struct view_flags *v = p;
	const struct store_flag *f = v->n > 0 ? &v->f[v->list.sel] : NULL;

	if (ui_motion(key) == UI_MOTION_OPEN) {
		if (f != NULL)
			ui_goto(ui, f->thread, f->post, 0);
		return UI_KEY_USED;
	}
	if (key == 'd') {
		if (f != NULL)
			ui_mod_ask(
			    ui, &v->mod, UI_MOD_DISMISS, f->id, NULL, NULL);
		return UI_KEY_USED;
	}
	return ui_list_key(
	    &v->list, key, ui_list_page(ui_body_rows(ui) - 1, FLAGS_ROWS));
}

static void
flags_reload(struct ui *ui, void *p)
{
	flags_load(ui, p);
}

static const char *
flags_title(void *p)
{
	(void)p;
	return "flags";
}

static const struct ui_help flags_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "Enter l Right",
	    "the flagged post in its thread (H there hides it and closes its flags)",
	    "Enter read the post", 0 },
	{ "d", "dismiss the flag, with an optional reason (on the public log)",
	    "d dismiss", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_flags = {
	.name = "flags",
	.open = flags_open,
	.close = flags_close,
	.draw = flags_draw,
	.key = flags_key,
	.reload = flags_reload,
	.title = flags_title,
	.help = flags_help,
	.motion = 1,
	.back = "back",
};
