/* bbs: ISC licence, see LICENSE. */
/*
 * One-line text fields (see form.h). A field is a one-line struct edit,
 * edited with the keys of every one-line field (ui/field.h) and a few of
 * the form's own, and the first byte shown (scroll), kept so the cursor
 * stays in view. The cursor is drawn as a reversed cell, since the UI
 * hides the terminal's own.
 */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ui/edit.h"
#include "ui/field.h"
#include "ui/form.h"
#include "ui/ui-int.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct form_field {
	struct edit e;
	size_t scroll; /* first byte shown */
};

struct view_form {
	char *title;
	struct ui_form_field specs[UI_FORM_FIELDS_MAX];
	struct form_field f[UI_FORM_FIELDS_MAX];
	size_t n;
	size_t focus;
	int (*submit)(struct ui *, void *, char *const *);
	void *arg;
};

static void *
form_open(struct ui *ui, const void *arg)
{
	const struct ui_form_spec *spec = arg;
	struct view_form *v;
	size_t i;

	(void)ui;
	if (spec->nfields == 0 || spec->nfields > UI_FORM_FIELDS_MAX)
		return NULL;
	v = xcalloc(1, sizeof *v);
	v->title = xstrdup(spec->title);
	v->n = spec->nfields;
	v->submit = spec->submit;
	v->arg = spec->arg;
	for (i = 0; i < v->n; i++) {
		v->specs[i] = spec->fields[i];
		/* edit_init() takes 0 for no cap; a form always has one. */
		assert(spec->fields[i].max > 0);
		edit_init(
		    &v->f[i].e, spec->fields[i].value, 1, spec->fields[i].max);
	}
	return v;
}

static void
form_close(void *p)
{
	struct view_form *v = p;
	size_t i;

	for (i = 0; i < v->n; i++)
		edit_free(&v->f[i].e);
	free(v->title);
	free(v);
}

/* Columns taken by the bytes of f from a to b. */
static int
form_cols(const struct form_field *f, size_t a, size_t b)
{
	int used = 0;

	text_fit(f->e.s + a, b - a, INT_MAX, &used);
	return used;
}

/* The byte offset after the code point at at. */
static size_t
form_next(const struct form_field *f, size_t at)
{
	const char *s = f->e.s;

	if (at < f->e.len)
		at++;
	while (at < f->e.len && ((unsigned char)s[at] & 0xc0) == 0x80)
		at++;
	return at;
}

/* Draws field f in width columns at (y, x), the cursor if focused. */
static void
form_draw_field(struct ui *ui, WINDOW *w, struct form_field *f, int y, int x,
    int width, int focused)
{
	size_t next;

	(void)ui;
	if (f->e.cur < f->scroll)
		f->scroll = f->e.cur;
	while (f->scroll < f->e.cur &&
	       form_cols(f, f->scroll, f->e.cur) > width - 1)
		f->scroll = form_next(f, f->scroll);
	ui_draw_fill(w, y, x, width, A_UNDERLINE);
	if (f->e.len > f->scroll)
		ui_draw_text(w, y, x, width, f->e.s + f->scroll,
		    f->e.len - f->scroll, A_UNDERLINE);
	if (!focused)
		return;
	x += form_cols(f, f->scroll, f->e.cur);
	next = form_next(f, f->e.cur);
	if (next > f->e.cur)
		ui_draw_text(
		    w, y, x, 2, f->e.s + f->e.cur, next - f->e.cur, A_REVERSE);
	else
		ui_draw_text(w, y, x, 1, " ", 1, A_REVERSE);
}

static void
form_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_form *v = p;
	const char *hint;
	int lw = 0, y, x;
	size_t i;

	ui_draw_text(w, 0, 1, cols - 2, v->title, strlen(v->title),
	    ui_attr(ui, UI_ATTR_TITLE));
	for (i = 0; i < v->n; i++) {
		if (text_width(v->specs[i].label) > lw)
			lw = text_width(v->specs[i].label);
	}
	x = 1 + lw + 1;
	for (i = 0; i < v->n && (int)i + 2 < rows; i++) {
		y = (int)i + 2;
		ui_draw_text(w, y, 1 + lw - text_width(v->specs[i].label), lw,
		    v->specs[i].label, strlen(v->specs[i].label),
		    i == v->focus ? A_BOLD : A_NORMAL);
		form_draw_field(
		    ui, w, &v->f[i], y, x, cols - x - 1, i == v->focus);
	}
	hint = v->specs[v->focus].hint;
	if (hint != NULL && (int)v->n + 3 < rows)
		ui_draw_text(w, (int)v->n + 3, x, cols - x - 1, hint,
		    strlen(hint), ui_attr(ui, UI_ATTR_DIM));
}

/* The start of the word before the cursor (Ctrl-W). */
static size_t
form_word_back(const struct form_field *f)
{
	size_t at = f->e.cur;

	while (at > 0 && f->e.s[at - 1] == ' ')
		at--;
	while (at > 0 && f->e.s[at - 1] != ' ')
		at--;
	return at;
}

/*
 * A key for the focused field: the form's own Ctrl-U (to the start of
 * the line, where the field's clears it all), Ctrl-K and Ctrl-W, then
 * the field's keys. Bidi controls are never typed in.
 */
static void
form_edit(struct form_field *f, int key)
{
	switch (key) {
	case UI_CTRL('u'):
		edit_kill_back(&f->e, 0);
		break;
	case UI_CTRL('k'):
		edit_kill(&f->e);
		break;
	case UI_CTRL('w'):
		edit_kill_back(&f->e, form_word_back(f));
		break;
	default:
		if ((key & UI_FN) || !utf8_is_bidi((uint32_t)key))
			ui_field_key(&f->e, key);
	}
}

/* Hands the fields' texts to the caller; UI_KEY_CLOSE if it took them. */
static enum ui_key_result
form_send(struct ui *ui, struct view_form *v)
{
	char *values[UI_FORM_FIELDS_MAX];
	size_t i;
	int r;

	for (i = 0; i < v->n; i++)
		values[i] = xstrdup(v->f[i].e.s);
	r = v->submit(ui, v->arg, values);
	for (i = 0; i < v->n; i++)
		free(values[i]);
	return r == 0 ? UI_KEY_CLOSE : UI_KEY_USED;
}

static enum ui_key_result
form_key(struct ui *ui, void *p, int key)
{
	struct view_form *v = p;

	switch (key) {
	case UI_ESC:
	case UI_CTRL('c'):
	case UI_CTRL('g'):
		ui_message(ui, "abandoned");
		return UI_KEY_CLOSE;
	case UI_CTRL('d'):
		return form_send(ui, v);
	case '\r':
	case '\n':
	case UI_KEY(KEY_ENTER):
		if (v->focus + 1 == v->n)
			return form_send(ui, v);
		v->focus++;
		return UI_KEY_USED;
	case '\t':
	case UI_KEY(KEY_DOWN):
		v->focus = (v->focus + 1) % v->n;
		return UI_KEY_USED;
	case UI_KEY(KEY_BTAB):
	case UI_KEY(KEY_UP):
		v->focus = (v->focus + v->n - 1) % v->n;
		return UI_KEY_USED;
	}
	form_edit(&v->f[v->focus], key);
	/* Every other key belongs to the form: 'q' and '?' are text here. */
	return UI_KEY_USED;
}

static const char *
form_title(void *p)
{
	return ((struct view_form *)p)->title;
}

/*
 * Every key is the form's: the UI's own keys, and q while the terminal is
 * too small, leave what was typed alone.
 */
static int
form_typing(void *p)
{
	(void)p;
	return 1;
}

/* '?' and F1 are text here, so the bar is the form's only help. */
static const struct ui_help form_help[] = {
	{ "Enter", "the next field; on the last one, send", "Enter next/send",
	    0 },
	{ "Tab Down", "the next field (Shift-Tab, Up: the one before)",
	    "Tab move", 0 },
	{ "Ctrl-D", "send, from any field", "Ctrl-D send", 0 },
	{ "Esc Ctrl-C Ctrl-G", "abandon", "Esc abandon", 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct ui_view ui_view_form = {
	.name = "form",
	.open = form_open,
	.close = form_close,
	.draw = form_draw,
	.key = form_key,
	.title = form_title,
	.help = form_help,
	.typing = form_typing,
};

int
ui_form_open(struct ui *ui, const struct ui_form_spec *spec)
{
	return ui_push(ui, &ui_view_form, spec);
}
