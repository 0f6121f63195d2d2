/* bbs: ISC licence, see LICENSE. */
/*
 * One pin: its score, author, time, tags, expiry, host, caption and full
 * link, scrolled like a page. The link is always shown as plain text, in
 * its ASCII form (what a hyperlink opens: an international host shows as
 * Punycode, so a look-alike stands out), followed by the link as written
 * when that differs. Where the terminal may support it, the ASCII lines
 * are also written over as an OSC 8 hyperlink (ui/link.h), after
 * doupdate().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pins.h"
#include "ui/link.h"
#include "ui/pin.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct pin_line {
	size_t off; /* into text */
	size_t len;
	attr_t attr;
	int link; /* a line of the href */
};

struct view_pin {
	int64_t id;
	struct store_pin *pin;
	struct buf text; /* the laid-out lines' bytes */
	struct pin_line *lines;
	size_t n, cap;
	int top;    /* first line shown */
	int rows;   /* lines shown at the last draw */
	int wy, wx; /* where the body window starts on the screen */
};

static void
pin_load(struct ui *ui, struct view_pin *v)
{
	store_pin_free(v->pin);
	v->pin = NULL;
	if (store_pin_get(ui->st, v->id, ui->me->id, &v->pin) != STORE_OK)
		ui_message(ui, "pin #%lld is gone", (long long)v->id);
}

static void *
pin_open(struct ui *ui, const void *arg)
{
	struct view_pin *v = xcalloc(1, sizeof *v);

	v->id = *(const int64_t *)arg;
	buf_init(&v->text);
	pin_load(ui, v);
	return v;
}

static void
pin_close(void *p)
{
	struct view_pin *v = p;

	store_pin_free(v->pin);
	buf_free(&v->text);
	free(v->lines);
	free(v);
}

/* Adds s wrapped to cols as lines with attr (link: lines of the href). */
static void
pin_para(struct view_pin *v, const char *s, int cols, attr_t attr, int link)
{
	struct text_line *w;
	size_t start = v->text.len, n, i;

	buf_adds(&v->text, s);
	text_wrap(v->text.data + start, cols, &w, &n);
	for (i = 0; i < n; i++) {
		if (v->n == v->cap) {
			v->cap = v->cap == 0 ? 32 : v->cap * 2;
			v->lines =
			    xreallocarray(v->lines, v->cap, sizeof *v->lines);
		}
		v->lines[v->n++] =
		    (struct pin_line){ start + w[i].off, w[i].len, attr, link };
	}
	free(w);
}

/* Adds a line made with printf. */
static void __attribute__((format(printf, 4, 5)))
pin_printf(struct view_pin *v, int cols, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		fatalx("pin_printf: out of memory");
	va_end(ap);
	pin_para(v, s, cols, attr, 0);
	free(s);
}

/* "2026-11-21 14:00 UTC" for a stored time. */
static void
pin_time(int64_t t, char out[24])
{
	char iso[21];

	store_time_format(t, iso);
	snprintf(out, 24, "%.10s %.5s UTC", iso, iso + 11);
}

/* Who, when, tags, expiry and host. */
static void
pin_layout_head(struct ui *ui, struct view_pin *v, int cols)
{
	const struct store_pin *p = v->pin;
	struct buf tags;
	char when[24];

	pin_printf(
	    v, cols, ui_attr(ui, UI_ATTR_TITLE), "Pin #%lld", (long long)p->id);
	pin_printf(v, cols, A_NORMAL, "score %lld%s", (long long)p->score,
	    p->voted ? ", with your vote" : ": + to vote");
	pin_time(p->created, when);
	pin_printf(v, cols, A_NORMAL, "by %s, %s", p->author, when);
	if (*p->tags != '\0') {
		buf_init(&tags);
		ui_pin_tags(p->tags, &tags);
		pin_printf(v, cols, A_NORMAL, "tags: %s", tags.data);
		buf_free(&tags);
	}
	if (*p->expires != '\0')
		pin_printf(v, cols,
		    p->expired ? ui_attr(ui, UI_ATTR_WARN) : A_NORMAL, "%s %s",
		    p->expired ? "expired on" : "until", p->expires);
	pin_printf(v, cols, A_NORMAL, "host: %s", p->host);
	if (strstr(p->host, "xn--") != NULL)
		pin_para(v,
		    "An international name, shown in its ASCII form: check it is the site you expect.",
		    cols, ui_attr(ui, UI_ATTR_WARN), 0);
}

/* The caption, the link (both forms) and the discussion. */
static void
pin_layout_body(struct ui *ui, struct view_pin *v, int cols)
{
	const struct store_pin *p = v->pin;
	attr_t dim = ui_attr(ui, UI_ATTR_DIM);

	if (*p->caption != '\0') {
		pin_para(v, "", cols, A_NORMAL, 0);
		pin_para(v, p->caption, cols, A_BOLD, 0);
	}
	pin_para(v, "", cols, A_NORMAL, 0);
	pin_para(v, "Link:", cols, dim, 0);
	pin_para(v, p->href, cols, A_NORMAL, 1);
	if (strcmp(p->url, p->href) != 0) {
		pin_para(v, "As written:", cols, dim, 0);
		pin_para(v, p->url, cols, A_NORMAL, 0);
	}
	pin_para(v, "", cols, A_NORMAL, 0);
	if (p->thread == 0)
		pin_para(v,
		    "No discussion yet: d starts one on the board pins.", cols,
		    dim, 0);
	else
		pin_printf(v, cols, A_NORMAL,
		    "Discussion: %lld repl%s%s; d to read it.",
		    (long long)p->replies, p->replies == 1 ? "y" : "ies",
		    p->unread > 0 ? ", some unread" : "");
}

static void
pin_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_pin *v = p;
	const struct pin_line *l;
	int y;

	buf_reset(&v->text);
	v->n = 0;
	getbegyx(w, v->wy, v->wx);
	v->rows = rows;
	if (v->pin == NULL)
		return;
	pin_layout_head(ui, v, cols - 2);
	pin_layout_body(ui, v, cols - 2);
	if (v->top > (int)v->n - rows)
		v->top = (int)v->n - rows;
	if (v->top < 0)
		v->top = 0;
	for (y = 0; y < rows && v->top + y < (int)v->n; y++) {
		l = &v->lines[v->top + y];
		ui_draw_text(
		    w, y, 1, cols - 2, v->text.data + l->off, l->len, l->attr);
	}
}

/*
 * After doupdate(): the href's lines again, as one OSC 8 hyperlink. They
 * were drawn with normal attributes, as ui_link_write() needs.
 */
static void
pin_overlay(struct ui *ui, void *p)
{
	struct view_pin *v = p;
	const struct pin_line *l;
	char id[32];
	int y;

	if (v->pin == NULL || !ui_link_supported(ui->cfg->term))
		return;
	snprintf(id, sizeof id, "bbs-pin-%lld", (long long)v->id);
	for (y = 0; y < v->rows && v->top + y < (int)v->n; y++) {
		l = &v->lines[v->top + y];
		if (l->link)
			ui_link_write(stdout, v->wy + y, v->wx + 1, id,
			    v->pin->href, v->text.data + l->off, l->len);
	}
}

static enum ui_key_result
pin_key(struct ui *ui, void *p, int key)
{
	struct view_pin *v = p;
	int64_t score;
	char *cause = NULL;
	int counted, page = ui->rows - 3;

	switch (key) {
	case '+':
		if (store_pin_vote(ui->st, ui->me->id, v->id, &score, &counted,
		        &cause) != STORE_OK)
			ui_message(ui, "%s", cause != NULL ? cause : "no vote");
		else if (!counted)
			ui_message(ui, "you have voted for it already");
		free(cause);
		ui_pin_changed(ui);
		return UI_KEY_USED;
	case 'd':
		ui_pin_discuss(ui, v->id);
		return UI_KEY_USED;
	default:
		if (!ui_scroll_key(&v->top, key, page))
			return UI_KEY_UNUSED;
	}
	/* Cells that keep their text could keep a hyperlink: repaint. */
	clearok(curscr, TRUE);
	return UI_KEY_USED;
}

static void
pin_reload(struct ui *ui, void *p)
{
	pin_load(ui, p);
}

static const char *
pin_title(void *p)
{
	(void)p;
	return "pin";
}

static const struct ui_help pin_help[] = {
	UI_HELP_SHARED("q", 0),
	{ "+", "vote for it (once; pinning is a vote)", "+ vote", 0 },
	{ "d", "its discussion (started on the board pins)", "d discuss", 0 },
	{ "arrows", NULL, "arrows scroll", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_pin = {
	.name = "pin",
	.open = pin_open,
	.close = pin_close,
	.draw = pin_draw,
	.key = pin_key,
	.reload = pin_reload,
	.title = pin_title,
	.help = pin_help,
	.motion = 1,
	.overlay = pin_overlay,
};
