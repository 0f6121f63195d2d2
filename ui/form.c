/* bbs: ISC licence, see LICENSE. */
/*
 * One-line text fields (see form.h). A field is UTF-8 text with a cursor
 * at a byte offset on a code point boundary and the first byte shown
 * (scroll), kept so the cursor stays in view. The cursor is drawn as a
 * reversed cell, since the UI hides the terminal's own.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ui/form.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct form_field {
	const struct ui_form_field *spec;
	struct buf text;
	size_t cur;    /* byte offset of the cursor */
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
		v->f[i].spec = &v->specs[i];
		buf_init(&v->f[i].text);
		/* Never NULL data, even when empty. */
		buf_adds(&v->f[i].text,
		    spec->fields[i].value != NULL ? spec->fields[i].value : "");
		v->f[i].cur = v->f[i].text.len;
	}
	return v;
}

static void
form_close(void *p)
{
	struct view_form *v = p;
	size_t i;

	for (i = 0; i < v->n; i++)
		buf_free(&v->f[i].text);
	free(v->title);
	free(v);
}

/* Columns taken by the bytes of f from a to b. */
static int
form_cols(const struct form_field *f, size_t a, size_t b)
{
	int used = 0;

	text_fit(f->text.data + a, b - a, INT_MAX, &used);
	return used;
}

/* The byte offset of the code point before (dir -1) or after (1) at. */
static size_t
form_step(const struct form_field *f, size_t at, int dir)
{
	const char *s = f->text.data;

	if (dir < 0) {
		while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
			;
		return at;
	}
	if (at < f->text.len)
		at++;
	while (at < f->text.len && ((unsigned char)s[at] & 0xc0) == 0x80)
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
	if (f->cur < f->scroll)
		f->scroll = f->cur;
	while (
	    f->scroll < f->cur && form_cols(f, f->scroll, f->cur) > width - 1)
		f->scroll = form_step(f, f->scroll, 1);
	ui_draw_fill(w, y, x, width, A_UNDERLINE);
	if (f->text.len > f->scroll)
		ui_draw_text(w, y, x, width, f->text.data + f->scroll,
		    f->text.len - f->scroll, A_UNDERLINE);
	if (!focused)
		return;
	x += form_cols(f, f->scroll, f->cur);
	next = form_step(f, f->cur, 1);
	if (next > f->cur)
		ui_draw_text(w, y, x, 2, f->text.data + f->cur, next - f->cur,
		    A_REVERSE);
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

/* Deletes the bytes of f from a to b and puts the cursor at a. */
static void
form_delete(struct form_field *f, size_t a, size_t b)
{
	memmove(f->text.data + a, f->text.data + b, f->text.len - b + 1);
	f->text.len -= b - a;
	f->cur = a;
}

/* Inserts the character c at the cursor, if it is printable and fits. */
static void
form_insert(struct form_field *f, int c)
{
	char enc[4];
	int n;

	if (c < 0x20 || (c & UI_FN) || utf8_is_unsafe((uint32_t)c) ||
	    (n = utf8_encode((uint32_t)c, enc)) == 0 ||
	    f->text.len + (size_t)n > f->spec->max)
		return;
	buf_add(&f->text, enc, (size_t)n); /* room, and the NUL moved */
	memmove(f->text.data + f->cur + n, f->text.data + f->cur,
	    f->text.len - (size_t)n - f->cur);
	memcpy(f->text.data + f->cur, enc, (size_t)n);
	f->cur += (size_t)n;
}

/* The start of the word before the cursor (Ctrl-W). */
static size_t
form_word_back(const struct form_field *f)
{
	size_t at = f->cur;

	while (at > 0 && f->text.data[at - 1] == ' ')
		at--;
	while (at > 0 && f->text.data[at - 1] != ' ')
		at--;
	return at;
}

/* Editing keys within the focused field; 0 if key is not one. */
static int
form_edit(struct form_field *f, int key)
{
	switch (key) {
	case UI_KEY(KEY_LEFT):
		f->cur = form_step(f, f->cur, -1);
		break;
	case UI_KEY(KEY_RIGHT):
		f->cur = form_step(f, f->cur, 1);
		break;
	case UI_KEY(KEY_HOME):
	case UI_CTRL('a'):
		f->cur = 0;
		break;
	case UI_KEY(KEY_END):
	case UI_CTRL('e'):
		f->cur = f->text.len;
		break;
	case UI_KEY(KEY_BACKSPACE):
	case UI_CTRL('h'):
	case 0x7f:
		form_delete(f, form_step(f, f->cur, -1), f->cur);
		break;
	case UI_KEY(KEY_DC):
		form_delete(f, f->cur, form_step(f, f->cur, 1));
		break;
	case UI_CTRL('u'):
		form_delete(f, 0, f->cur);
		break;
	case UI_CTRL('k'):
		form_delete(f, f->cur, f->text.len);
		break;
	case UI_CTRL('w'):
		form_delete(f, form_word_back(f), f->cur);
		break;
	default:
		return 0;
	}
	return 1;
}

/* Hands the fields' texts to the caller; UI_KEY_CLOSE if it took them. */
static enum ui_key_result
form_send(struct ui *ui, struct view_form *v)
{
	char *values[UI_FORM_FIELDS_MAX];
	size_t i;
	int r;

	for (i = 0; i < v->n; i++)
		values[i] = xstrdup(v->f[i].text.data);
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
	if (!form_edit(&v->f[v->focus], key))
		form_insert(&v->f[v->focus], key);
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
