/* bbs: ISC licence, see LICENSE. */
/*
 * The first screen: the boards, with their titles and thread counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui-int.h"
#include "util/xmalloc.h"

struct view_boards {
	struct store_board *boards;
	size_t n;
	struct ui_list list;
};

static void
boards_load(struct ui *ui, struct view_boards *v)
{
	store_boards_free(v->boards, v->n);
	v->boards = NULL;
	v->n = 0;
	if (store_boards_list(ui->st, &v->boards, &v->n) != STORE_OK)
		ui_message(ui, "cannot read the boards; try again");
	v->list.n = (int)v->n;
}

static void *
boards_open(struct ui *ui, const void *arg)
{
	struct view_boards *v = xcalloc(1, sizeof *v);

	(void)arg;
	boards_load(ui, v);
	return v;
}

static void
boards_close(void *p)
{
	struct view_boards *v = p;

	store_boards_free(v->boards, v->n);
	free(v);
}

static void
boards_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_boards *v = p;
	struct store_board *b;
	char count[32];
	int y, x, namew = 16, cw;
	attr_t a;

	ui_list_clamp(&v->list, rows - 1);
	ui_draw_text(w, 0, 1, cols - 1, "Boards", 6,
	    ui_attr(ui, UI_ATTR_TITLE));
	if (v->n == 0)
		ui_draw_text(w, 2, 1, cols - 1, "No boards yet.", 14,
		    ui_attr(ui, UI_ATTR_DIM));
	if (cols < 60)
		namew = 12;
	for (y = 0; y < rows - 1 && v->list.top + y < (int)v->n; y++) {
		b = &v->boards[v->list.top + y];
		a = v->list.top + y == v->list.sel ?
		    ui_attr(ui, UI_ATTR_SELECT) :
		    A_NORMAL;
		ui_draw_fill(w, y + 1, 0, cols, a);
		x = 1 + ui_draw_text(w, y + 1, 1, namew, b->name,
			    strlen(b->name), a | A_BOLD);
		cw = snprintf(count, sizeof count, "%lld thread%s",
		    (long long)b->threads, b->threads == 1 ? "" : "s");
		ui_draw_text(w, y + 1, cols - cw - 1, cw, count, (size_t)cw, a);
		x = 2 + namew;
		ui_draw_text(w, y + 1, x, cols - x - cw - 3, b->title,
		    strlen(b->title), a);
	}
}

static enum ui_key_result
boards_key(struct ui *ui, void *p, int key)
{
	struct view_boards *v = p;

	if (key == 'p') {
		ui_push(ui, &ui_view_pins, NULL);
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, ui->rows - 3);
}

static void
boards_reload(struct ui *ui, void *p)
{
	boards_load(ui, p);
}

static const char *
boards_title(void *p)
{
	(void)p;
	return "boards";
}

static const struct ui_help boards_help[] = {
	{ "j k arrows", "choose a board" },
	{ "p", "the pin board: links, memes, events" },
	{ NULL, NULL },
};

const struct ui_view ui_view_boards = {
	.name = "boards",
	.open = boards_open,
	.close = boards_close,
	.draw = boards_draw,
	.key = boards_key,
	.reload = boards_reload,
	.title = boards_title,
	.keys = "q quit  ? help  j/k move  p pins",
	.help = boards_help,
};
