/* bbs: ISC licence, see LICENSE. */
/*
 * The built-in editor, for a new thread (a title and a body) or a reply
 * (a body, perhaps starting with a quote). The text lives in ui/edit.c
 * and does not depend on the screen, so a resize rewraps it and loses
 * nothing. Ctrl-S sends through the store, which applies the content
 * rules; a refusal is shown in the bottom bar and the draft stays. Esc
 * abandons, asking first when typed text would be lost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/threads.h"
#include "ui/edit.h"
#include "ui/field.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

#define EDITOR_TITLE "Title: "

struct view_editor {
	char *board;    /* a new thread here, or NULL */
	int64_t thread; /* else a reply to this thread */
	char *place;    /* for the top bar */
	char *start;    /* the body it opened with */
	struct edit title, body;
	int on_title; /* the title field has the cursor */
	int top;      /* the first body row on screen */
	int confirm;  /* asked whether to abandon */
	int cr;       /* the last key was CR: an LF after it is the same */
	int64_t body_max;
	int rows, cols; /* the body's rows and wrap width at the last draw */
};

static void *
editor_open(struct ui *ui, const void *arg)
{
	const struct ui_editor_arg *a = arg;
	struct view_editor *v = xcalloc(1, sizeof *v);
	int64_t title_max = 200;

	if (store_setting_get(ui->st, "body_max", &v->body_max) != STORE_OK)
		v->body_max = 65536;
	store_setting_get(ui->st, "title_max", &title_max);
	/* Room to paste too much and trim it, but not without end. */
	edit_init(&v->body, a->quote, 0, (size_t)v->body_max * 2);
	edit_init(&v->title, NULL, 1, (size_t)title_max * 8);
	v->start = xstrdup(a->quote != NULL ? a->quote : "");
	if (a->board != NULL) {
		v->board = xstrdup(a->board);
		xasprintf(&v->place, "%s > new thread", a->board);
		v->on_title = 1;
	} else {
		v->thread = a->thread;
		xasprintf(&v->place, "reply to: %s", a->title);
	}
	return v;
}

static void
editor_close(void *p)
{
	struct view_editor *v = p;

	edit_free(&v->title);
	edit_free(&v->body);
	free(v->board);
	free(v->place);
	free(v->start);
	free(v);
}

/* The title field, or the thread replied to, and the rule under it. */
static void
editor_draw_head(struct ui *ui, struct view_editor *v, WINDOW *w, int cols)
{
	int lw = (int)sizeof EDITOR_TITLE - 1;
	char size[48];

	if (v->board != NULL) {
		ui_draw_text(w, 0, 1, lw, EDITOR_TITLE, (size_t)lw,
		    ui_attr(ui, UI_ATTR_TITLE));
		ui_field_draw(ui, w, &v->title, 0, 1 + lw, cols - lw - 2,
		    A_BOLD, v->on_title);
	} else
		ui_draw_text(w, 0, 1, cols - 2, v->place, strlen(v->place),
		    ui_attr(ui, UI_ATTR_DIM));
	ui_draw_rule(w, 1, 0, cols, ui_attr(ui, UI_ATTR_DIM));
	/* The size, once it nears the limit; the store has the last word. */
	if ((int64_t)v->body.len * 10 >= v->body_max * 9) {
		snprintf(size, sizeof size, " %zu of %lld bytes ", v->body.len,
		    (long long)v->body_max);
		ui_draw_right(w, 1, cols - 1, cols - 2, size,
		    (int64_t)v->body.len > v->body_max
		        ? ui_attr(ui, UI_ATTR_WARN)
		        : ui_attr(ui, UI_ATTR_DIM));
	}
}

static void
editor_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_editor *v = p;
	struct text_line *r;
	size_t n, cr, i;
	int col, y;

	v->rows = rows - 2;
	v->cols = cols - 2; /* a margin, and a column for the cursor */
	editor_draw_head(ui, v, w, cols);
	edit_layout(&v->body, v->cols, &r, &n);
	cr = edit_cursor(&v->body, r, n, &col);
	/* Scroll only as far as it takes to keep the cursor's row shown. */
	if ((int)cr < v->top)
		v->top = (int)cr;
	if ((int)cr >= v->top + v->rows)
		v->top = (int)cr - v->rows + 1;
	if (v->top > (int)n - 1)
		v->top = (int)n - 1;
	for (y = 0, i = (size_t)v->top; y < v->rows && i < n; y++, i++)
		ui_draw_text(w, y + 2, 1, v->cols + 1, v->body.s + r[i].off,
		    r[i].len, 0);
	if (!v->on_title)
		ui_cursor(ui, (int)cr - v->top + 2,
		    1 + (col < v->cols ? col : v->cols));
	free(r);
}

/* Ctrl-S: through the store; on success to the new post. */
static enum ui_key_result
editor_send(struct ui *ui, struct view_editor *v)
{
	int64_t thread = v->thread, post = 0;
	char *cause = NULL;
	int r;

	if (v->board != NULL)
		r = store_thread_create(ui->st, ui->me->id, v->board,
		    v->title.s, v->body.s, v->body.len, &thread, &post, &cause);
	else
		r = store_post_reply(ui->st, ui->me->id, v->thread, v->body.s,
		    v->body.len, &post, &cause);
	if (r != STORE_OK) {
		/* The draft stays; the message says what to change. */
		ui_message(ui, "Not sent: %s.",
		    cause != NULL ? cause : store_strerror(r));
		if (r == STORE_ERR_INVALID && v->board != NULL &&
		    cause != NULL && strstr(cause, "title") != NULL)
			v->on_title = 1;
		free(cause);
		return UI_KEY_USED;
	}
	ui_message(ui, "Posted.");
	ui_goto(ui, thread, post, 0);
	return UI_KEY_CLOSE;
}

/* Esc: leave, asking first if typed text would be lost. */
static enum ui_key_result
editor_abandon(struct ui *ui, struct view_editor *v)
{
	if (v->title.len == 0 && strcmp(v->body.s, v->start) == 0)
		return UI_KEY_CLOSE;
	v->confirm = 1;
	ui_message(ui,
	    "Abandon this draft? y: yes, throw it away; any other key: keep editing");
	return UI_KEY_USED;
}

/* Keys that move or edit in the title field. */
static enum ui_key_result
editor_key_title(struct view_editor *v, int key)
{
	struct edit *e = &v->title;

	switch (key) {
	case '\r':
	case '\n':
	case '\t':
	case UI_KEY(KEY_ENTER):
	case UI_KEY(KEY_DOWN):
		v->on_title = 0;
		break;
	case UI_KEY(KEY_HOME):
	case UI_CTRL('a'):
		edit_first(e);
		break;
	case UI_KEY(KEY_END):
	case UI_CTRL('e'):
		edit_last(e);
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

/* The display row of the body's cursor. */
static size_t
editor_body_row(const struct view_editor *v)
{
	struct text_line *r;
	size_t n, row;
	int col;

	edit_layout(&v->body, v->cols, &r, &n);
	row = edit_cursor(&v->body, r, n, &col);
	free(r);
	return row;
}

/* Keys that move in the body by display row. */
static enum ui_key_result
editor_key_body(struct view_editor *v, int key)
{
	struct edit *e = &v->body;
	int page = v->rows > 1 ? v->rows - 1 : 1;

	switch (key) {
	case '\t':
		edit_insert_cp(e, '\t');
		break;
	case UI_KEY(KEY_BTAB):
		v->on_title = v->board != NULL;
		break;
	case UI_KEY(KEY_UP):
		if (v->board != NULL && editor_body_row(v) == 0)
			v->on_title = 1;
		else
			edit_vertical(e, v->cols, -1);
		break;
	case UI_KEY(KEY_DOWN):
		edit_vertical(e, v->cols, 1);
		break;
	case UI_KEY(KEY_PPAGE):
		edit_vertical(e, v->cols, -page);
		break;
	case UI_KEY(KEY_NPAGE):
		edit_vertical(e, v->cols, page);
		break;
	case UI_KEY(KEY_HOME):
	case UI_CTRL('a'):
		edit_row_home(e, v->cols);
		break;
	case UI_KEY(KEY_END):
	case UI_CTRL('e'):
		edit_row_end(e, v->cols);
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

/* Keys that edit either field alike. */
static enum ui_key_result
editor_key_text(struct ui *ui, struct view_editor *v, struct edit *e, int key)
{
	switch (key) {
	case UI_KEY(KEY_LEFT):
		edit_left(e);
		break;
	case UI_KEY(KEY_RIGHT):
		edit_right(e);
		break;
	case UI_KEY(KEY_BACKSPACE):
	case 0x7f:
	case UI_CTRL('h'):
		edit_backspace(e);
		break;
	case UI_KEY(KEY_DC):
	case UI_CTRL('d'):
		edit_delete(e);
		break;
	case UI_CTRL('k'):
		edit_kill(e);
		break;
	default:
		if ((key & UI_FN) || key < 0x20 || (key >= 0x7f && key < 0xa0))
			return UI_KEY_UNUSED;
		edit_insert_cp(e, (uint32_t)key);
		if (e->full)
			ui_message(ui, "The draft is full: %zu bytes.", e->len);
	}
	return UI_KEY_USED;
}

static enum ui_key_result
editor_key(struct ui *ui, void *p, int key)
{
	struct view_editor *v = p;
	struct edit *e = v->on_title ? &v->title : &v->body;
	enum ui_key_result r;
	int cr = v->cr;

	v->cr = key == '\r';
	if (v->confirm) {
		v->confirm = 0;
		if (key == 'y' || key == 'Y') {
			ui_message(ui, "Draft abandoned.");
			return UI_KEY_CLOSE;
		}
		return UI_KEY_USED;
	}
	if (key == UI_CTRL('s'))
		return editor_send(ui, v);
	if (key == UI_ESC || key == UI_CTRL('c'))
		return editor_abandon(ui, v);
	if (!v->on_title && key == '\n' && cr)
		return UI_KEY_USED; /* CR LF from a paste: one newline */
	r = v->on_title ? editor_key_title(v, key) : editor_key_body(v, key);
	if (r == UI_KEY_UNUSED && !v->on_title &&
	    (key == '\r' || key == '\n' || key == UI_KEY(KEY_ENTER))) {
		edit_insert_cp(e, '\n');
		r = UI_KEY_USED;
	}
	if (r == UI_KEY_UNUSED)
		r = editor_key_text(ui, v, e, key);
	return r;
}

static int
editor_typing(void *p)
{
	(void)p;
	return 1;
}

static const char *
editor_title(void *p)
{
	return ((struct view_editor *)p)->place;
}

static const struct ui_help editor_help[] = {
	{ "Ctrl-S", "send", "Ctrl-S send", 0 },
	{ "Esc Ctrl-C", "abandon (asks first if text would be lost)",
	    "Esc abandon", 0 },
	UI_HELP_SHARED("F1", 0),
	{ "Tab Enter", "from the title to the body (new thread)", NULL, 0 },
	{ "Shift-Tab", "back to the title (Up from the body's start too)", NULL,
	    0 },
	{ "arrows", "move; Up and Down by screen row", NULL, 0 },
	{ "Home End", "start or end of the row (also Ctrl-A Ctrl-E)", NULL, 0 },
	{ "PgUp PgDn", "a page up or down", NULL, 0 },
	{ "Backspace", "delete before the cursor (joins lines)", NULL, 0 },
	{ "Delete", "delete at the cursor (also Ctrl-D; joins lines)", NULL,
	    0 },
	{ "Ctrl-K", "delete to the end of the line", NULL, 0 },
	{ "Tab", "a tab, in the body", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_editor = {
	.name = "editor",
	.open = editor_open,
	.close = editor_close,
	.draw = editor_draw,
	.key = editor_key,
	.title = editor_title,
	.help = editor_help,
	.typing = editor_typing,
};
