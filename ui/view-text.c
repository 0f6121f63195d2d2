/* bbs: ISC licence, see LICENSE. */
/*
 * A page of text: help, notices. Wrapped to the window, scrolled with the
 * usual keys; q closes it (and any key does for a notice).
 */
#include <stdlib.h>
#include <string.h>

#include "ui/ui-int.h"
#include "util/xmalloc.h"

struct view_text {
	char *title;
	char *text;
	int top; /* first line shown */
};

static void *
text_open(struct ui *ui, const void *arg)
{
	const struct ui_text_arg *a = arg;
	struct view_text *v = xcalloc(1, sizeof *v);

	(void)ui;
	v->title = xstrdup(a->title);
	v->text = xstrdup(a->text);
	return v;
}

static void
text_close(void *p)
{
	struct view_text *v = p;

	free(v->title);
	free(v->text);
	free(v);
}

static void
text_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_text *v = p;
	struct text_line *lines;
	size_t n;
	int width = cols > 2 ? cols - 2 : cols, y;

	(void)ui;
	text_wrap(v->text, width, &lines, &n);
	if (v->top > (int)n - rows)
		v->top = (int)n - rows;
	if (v->top < 0)
		v->top = 0;
	for (y = 0; y < rows && v->top + y < (int)n; y++)
		ui_draw_text(w, y, 1, width, v->text + lines[v->top + y].off,
		    lines[v->top + y].len, A_NORMAL);
	free(lines);
}

/* Scrolls by line or page; any other key closes the page. */
static enum ui_key_result
text_key(struct ui *ui, void *p, int key)
{
	struct view_text *v = p;
	int rows = ui_body_rows(ui);

	return ui_scroll_key(&v->top, key, rows) ? UI_KEY_USED : UI_KEY_CLOSE;
}

static const char *
text_title(void *p)
{
	return ((struct view_text *)p)->title;
}

static const struct ui_help text_help[] = {
	{ "q", NULL, "q close", 0 }, /* as any other key */
	UI_HELP_SHARED("arrows", 0),
	{ "any other key", "close this page", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_text = {
	.name = "text",
	.open = text_open,
	.close = text_close,
	.draw = text_draw,
	.key = text_key,
	.title = text_title,
	.help = text_help,
	.motion = 1,
};
