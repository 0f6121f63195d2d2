/* bbs: ISC licence, see LICENSE. */
/*
 * The moderation log, for every member: each act of a sysop (and of the
 * console), newest first, two rows an entry: its id, time, actor, act
 * and target, then the reason. Everything but the id and time was typed
 * by someone, so all of it goes through ui_draw_text(). New entries
 * appear at the poll; the selection stays on its entry. Enter shows one
 * entry whole, with the hashes that chain it to the one before, so a
 * member can keep the head and notice a rewritten history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/modlog.h"
#include "store/threads.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define MODLOG_SHOWN STORE_LIMIT_MAX /* the newest this many */
#define MODLOG_ROWS 2                /* rows an entry takes */

struct view_modlog {
	struct store_modlog_entry *e;
	size_t n;
	struct ui_list list; /* over entries, not rows */
};

static void
modlog_load(struct ui *ui, struct view_modlog *v)
{
	int64_t sel = v->n > 0 ? v->e[v->list.sel].id : 0;
	struct store_modlog_entry *e = NULL;
	size_t n = 0, i;

	if (store_modlog_list(ui->st, MODLOG_SHOWN, &e, &n) != STORE_OK) {
		ui_message(ui, "Cannot read the moderation log; try again.");
		return;
	}
	store_modlog_free(v->e, v->n);
	v->e = e;
	v->n = n;
	for (i = 0; i < n; i++) {
		if (e[i].id == sel)
			v->list.sel = (int)i; /* the same entry stays chosen */
	}
	v->list.n = (int)n;
	ui_list_clamp(
	    &v->list, ui_list_page(ui_body_rows(ui) - 1, MODLOG_ROWS));
}

static void *
modlog_open(struct ui *ui, const void *arg)
{
	struct view_modlog *v = xcalloc(1, sizeof *v);

	(void)arg;
	modlog_load(ui, v);
	return v;
}

static void
modlog_close(void *p)
{
	struct view_modlog *v = p;

	store_modlog_free(v->e, v->n);
	free(v);
}

/* Draws s at x on row y, in at most the columns left; the next x. */
static int
modlog_put(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	if (x >= cols - 1)
		return x;
	return x + ui_draw_text(w, y, x, cols - 1 - x, s, strlen(s), a);
}

static void
modlog_draw_entry(struct ui *ui, WINDOW *w, int y, int cols,
    const struct store_modlog_entry *e, int sel)
{
	attr_t a = sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	attr_t dim = a | ui_attr(ui, UI_ATTR_DIM);
	char head[48], when[20];
	int x;

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_fill(w, y + 1, 0, cols, a);
	text_time(e->created, cols < 60, when);
	snprintf(head, sizeof head, "#%lld  %s  ", (long long)e->id, when);
	x = modlog_put(w, y, 1, cols, head, dim);
	x = modlog_put(w, y, x, cols, e->actor, a | A_BOLD);
	x = modlog_put(w, y, x, cols, "  ", a);
	x = modlog_put(w, y, x, cols, e->act, a | ui_attr(ui, UI_ATTR_TITLE));
	x = modlog_put(w, y, x, cols, "  ", a);
	modlog_put(w, y, x, cols, e->target, a);
	if (*e->reason != '\0')
		modlog_put(w, y + 1, 4, cols, e->reason, a);
	else
		modlog_put(w, y + 1, 4, cols, "(no reason given)", dim);
}

static void
modlog_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_modlog *v = p;
	int per = ui_list_page(rows - 1, MODLOG_ROWS), i;
	char head[96];

	snprintf(head, sizeof head,
	    "Moderation log: every sysop act, newest first (%zu)", v->n);
	ui_draw_text(
	    w, 0, 1, cols - 2, head, strlen(head), ui_attr(ui, UI_ATTR_TITLE));
	if (v->n == 0) {
		ui_draw_text(w, 2, 1, cols - 2, "Nothing yet.", 12,
		    ui_attr(ui, UI_ATTR_DIM));
		return;
	}
	ui_list_clamp(&v->list, per);
	for (i = 0; i < per && v->list.top + i < (int)v->n; i++)
		modlog_draw_entry(ui, w, 1 + i * MODLOG_ROWS, cols,
		    &v->e[v->list.top + i], v->list.top + i == v->list.sel);
}

/* Enter: the whole entry, hashes too, as a page of text. */
static void
modlog_show(struct ui *ui, const struct store_modlog_entry *e)
{
	struct ui_text_arg arg;
	struct buf b;
	char iso[21], title[48];

	store_time_format(e->created, iso);
	buf_init(&b);
	buf_printf(
	    &b, "Entry #%lld of the moderation log\n\n", (long long)e->id);
	buf_printf(&b, "when:     %s (UTC, to the hour)\n", iso);
	buf_printf(&b, "who:      %s\n", e->actor);
	buf_printf(&b, "act:      %s\n", e->act);
	buf_printf(&b, "target:   %s\n", e->target);
	buf_printf(&b, "reason:   %s\n\n", *e->reason ? e->reason : "(none)");
	buf_printf(&b, "hash:     %s\nprevious: %s\n\n", e->hash, e->prev);
	buf_adds(&b,
	    "Each entry carries the hash of the one before it and is signed with the board's log key. Keep the newest hash: if the history were rewritten, it would no longer be in the chain. 'ssh HOST modlog --verify' checks the whole chain.");
	snprintf(title, sizeof title, "modlog #%lld", (long long)e->id);
	arg.title = title;
	arg.text = b.data;
	ui_push(ui, &ui_view_text, &arg);
	buf_free(&b);
}

static enum ui_key_result
modlog_key(struct ui *ui, void *p, int key)
{
	struct view_modlog *v = p;

	if (ui_motion(key) == UI_MOTION_OPEN) {
		if (v->n > 0)
			modlog_show(ui, &v->e[v->list.sel]);
		return UI_KEY_USED;
	}
	return ui_list_key(
	    &v->list, key, ui_list_page(ui_body_rows(ui) - 1, MODLOG_ROWS));
}

static void
modlog_reload(struct ui *ui, void *p)
{
	modlog_load(ui, p);
}

static const char *
modlog_title(void *p)
{
	(void)p;
	return "moderation log";
}

static const struct ui_help modlog_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "Enter l Right", "the whole entry, with its hashes", "Enter entry",
	    0 },
	UI_HELP_SHARED("arrows", 0),
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_modlog = {
	.name = "moderation log",
	.open = modlog_open,
	.close = modlog_close,
	.draw = modlog_draw,
	.key = modlog_key,
	.reload = modlog_reload,
	.title = modlog_title,
	.help = modlog_help,
	.motion = 1,
	.back = "back",
};
