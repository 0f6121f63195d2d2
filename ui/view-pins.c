/* bbs: ISC licence, see LICENSE. */
/*
 * The pin board: two lines a pin (score, caption; then host, tags,
 * discussion and expiry), hot or new, filtered by a tag, with or without
 * expired pins. '*' marks pins newer than the member's last visit, which
 * is recorded when the board is left. Others' pins and votes appear as
 * the UI's poll reloads the list; the selection stays on its pin.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pins.h"
#include "ui/form.h"
#include "ui/pin.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define PINS_SHOWN 300      /* most pins the list holds */
#define PINS_FIELD_MAX 4096 /* bytes a form field holds */
#define PINS_TAG_WORDS 16   /* words the tags field may hold */

struct view_pins {
	struct ui *ui;
	struct store_pin *pins;
	size_t n;
	struct ui_list list; /* in pins, two rows each */
	enum store_pin_sort sort;
	char tag[STORE_PIN_TAG_LEN + 1]; /* "" for every tag */
	int all;                         /* with expired pins */
	int64_t newest;                  /* the newest pin listed */
};

/* Reloads; keeps the selection on pin keep (0: on the same row). */
static int
pins_load(struct ui *ui, struct view_pins *v, int64_t keep, char **cause)
{
	struct store_pin_query q = { v->sort, v->tag[0] != '\0' ? v->tag : NULL,
		v->all, PINS_SHOWN, ui->me->id };
	struct store_pin *p = NULL;
	size_t n = 0, i;
	int r;

	if (keep == 0 && v->list.sel < (int)v->n)
		keep = v->pins[v->list.sel].id;
	if ((r = store_pins_list(ui->st, &q, &p, &n, cause)) != STORE_OK)
		return r;
	store_pins_free(v->pins, v->n);
	v->pins = p;
	v->n = n;
	v->list.n = (int)n;
	for (i = 0; i < n; i++) {
		if (p[i].id == keep)
			v->list.sel = (int)i;
		if (p[i].id > v->newest)
			v->newest = p[i].id;
	}
	return STORE_OK;
}

static void
pins_reload(struct ui *ui, void *p)
{
	if (pins_load(ui, p, 0, NULL) != STORE_OK)
		ui_message(ui, "cannot read the pin board; try again");
}

static void *
pins_open(struct ui *ui, const void *arg)
{
	struct view_pins *v = xcalloc(1, sizeof *v);

	(void)arg;
	v->ui = ui;
	pins_reload(ui, v);
	return v;
}

static void
pins_close(void *p)
{
	struct view_pins *v = p;

	/* Leaving the board is having seen what it listed. */
	if (v->newest > 0)
		store_pins_seen(v->ui->st, v->ui->me->id, v->newest);
	store_pins_free(v->pins, v->n);
	free(v);
}

/* The second line: host, tags, discussion, expiry. */
static void
pins_details(const struct store_pin *p, struct buf *b)
{
	buf_adds(b, p->host);
	if (*p->tags != '\0') {
		buf_adds(b, "  ");
		ui_pin_tags(p->tags, b);
	}
	if (p->thread != 0) {
		buf_printf(b, "  %lld repl%s", (long long)p->replies,
		    p->replies == 1 ? "y" : "ies");
		if (p->unread > 0)
			buf_printf(b, " (%lld unread)", (long long)p->unread);
	}
	if (*p->expires != '\0')
		buf_printf(
		    b, "  %s %s", p->expired ? "expired" : "until", p->expires);
}

static void
pins_draw_pin(struct ui *ui, WINDOW *w, int y, int cols,
    const struct store_pin *p, int selected)
{
	attr_t a = selected ? ui_attr(ui, UI_ATTR_SELECT) : A_NORMAL;
	const char *first = *p->caption != '\0' ? p->caption : p->url;
	char score[16];
	struct buf b;

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_fill(w, y + 1, 0, cols, a);
	if (p->unseen)
		ui_draw_text(
		    w, y, 0, 1, "*", 1, a | ui_attr(ui, UI_ATTR_UNREAD));
	snprintf(score, sizeof score, "%4lld%s", (long long)p->score,
	    p->voted ? "+" : " ");
	ui_draw_text(w, y, 1, 5, score, strlen(score), a | A_BOLD);
	ui_draw_text(w, y, 7, cols - 8, first, strlen(first), a);
	buf_init(&b);
	pins_details(p, &b);
	ui_draw_text(w, y + 1, 7, cols - 8, b.data, b.len,
	    a | (selected ? 0 : ui_attr(ui, UI_ATTR_DIM)));
	buf_free(&b);
}

static const char pins_empty[] = "No pins here. Press a to pin a link.";

static void
pins_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_pins *v = p;
	struct buf b;
	int i, y;

	buf_init(&b);
	buf_printf(
	    &b, "Pin board: %s", v->sort == STORE_PINS_HOT ? "hot" : "new");
	if (v->tag[0] != '\0')
		buf_printf(&b, ", #%s", v->tag);
	if (v->all)
		buf_adds(&b, ", with expired");
	buf_printf(&b, " (%zu)", v->n);
	ui_draw_text(
	    w, 0, 1, cols - 2, b.data, b.len, ui_attr(ui, UI_ATTR_TITLE));
	buf_free(&b);
	if (v->n == 0) {
		ui_draw_text(w, 2, 1, cols - 2, pins_empty,
		    sizeof pins_empty - 1, ui_attr(ui, UI_ATTR_DIM));
		return;
	}
	ui_list_clamp(&v->list, (rows - 1) / 2);
	for (i = v->list.top, y = 1; i < (int)v->n && y + 1 < rows; i++, y += 2)
		pins_draw_pin(ui, w, y, cols, &v->pins[i], i == v->list.sel);
}

/* s without the white space at its ends (in place). */
static char *
pins_trim(char *s)
{
	size_t len;

	s += strspn(s, " \t");
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';
	return s;
}

static int
pins_add_submit(struct ui *ui, void *arg, char *const *values)
{
	struct view_pins *v = arg;
	struct store_pin_new p = { 0 };
	const char *tags[PINS_TAG_WORDS];
	char *cause = NULL, *t, *save = NULL;
	int64_t id, score;
	int r, dup;

	/* Tags are words: spaces or commas between them; repeats count once
	 * in the store, so more words than tags may still be fine. */
	for (t = strtok_r(values[2], " ,", &save); t != NULL;
	     t = strtok_r(NULL, " ,", &save)) {
		if (p.ntags == PINS_TAG_WORDS) {
			ui_message(
			    ui, "at most %d tags a pin", STORE_PIN_TAGS_MAX);
			return -1;
		}
		tags[p.ntags++] = t;
	}
	p.url = pins_trim(values[0]);
	p.caption = values[1];
	p.caption_len = strlen(values[1]);
	p.tags = tags;
	p.expires = pins_trim(values[3]);
	r = store_pin_add(ui->st, ui->me->id, &p, &id, &dup, &score, &cause);
	if (r != STORE_OK) {
		ui_message(ui, "%s", cause != NULL ? cause : store_strerror(r));
		free(cause);
		return -1;
	}
	if (dup)
		ui_message(ui,
		    "already pinned as #%lld: counted as your vote (score %lld)",
		    (long long)id, (long long)score);
	else
		ui_message(ui, "pinned as #%lld", (long long)id);
	pins_load(ui, v, id, NULL);
	return 0;
}

static void
pins_add(struct ui *ui, struct view_pins *v)
{
	static const struct ui_form_field fields[] = {
		{ "URL",
		    "http:// or https:// only; tracking parameters removed",
		    NULL, PINS_FIELD_MAX },
		{ "caption", "what it is, in a line (may be empty)", NULL,
		    PINS_FIELD_MAX },
		{ "tags", "up to 5 of a-z 0-9 -, spaces between", NULL,
		    PINS_FIELD_MAX },
		{ "expires", "YYYY-MM-DD for an event, or empty", NULL, 16 },
	};
	struct ui_form_spec spec = { "Pin a link", fields, 4, pins_add_submit,
		v };

	ui_form_open(ui, &spec);
}

static int
pins_tag_submit(struct ui *ui, void *arg, char *const *values)
{
	struct view_pins *v = arg;
	char old[sizeof v->tag], *t = pins_trim(values[0]), *cause = NULL;
	size_t i;

	if (*t == '#')
		t++;
	if (strlen(t) >= sizeof v->tag) {
		ui_message(
		    ui, "a tag is at most %d characters", STORE_PIN_TAG_LEN);
		return -1;
	}
	memcpy(old, v->tag, sizeof old);
	for (i = 0; t[i] != '\0'; i++)
		v->tag[i] = (char)tolower((unsigned char)t[i]);
	v->tag[i] = '\0';
	if (pins_load(ui, v, 0, &cause) != STORE_OK) {
		ui_message(ui, "%s", cause != NULL ? cause : "cannot filter");
		free(cause);
		memcpy(v->tag, old, sizeof old);
		return -1;
	}
	v->list.sel = v->list.top = 0;
	return 0;
}

static void
pins_tag(struct ui *ui, struct view_pins *v)
{
	struct ui_form_field field = { "tag",
		"only pins with this tag; empty for all", v->tag,
		STORE_PIN_TAG_LEN + 1 };
	struct ui_form_spec spec = { "Filter by tag", &field, 1,
		pins_tag_submit, v };

	ui_form_open(ui, &spec);
}

static void
pins_vote(struct ui *ui, struct view_pins *v, int64_t id)
{
	char *cause = NULL;
	int64_t score;
	int r, counted;

	r = store_pin_vote(ui->st, ui->me->id, id, &score, &counted, &cause);
	if (r != STORE_OK)
		ui_message(ui, "%s", cause != NULL ? cause : store_strerror(r));
	else if (counted)
		ui_message(ui, "voted for #%lld: score %lld", (long long)id,
		    (long long)score);
	else
		ui_message(ui, "you have voted for #%lld already (score %lld)",
		    (long long)id, (long long)score);
	free(cause);
	pins_load(ui, v, id, NULL);
}

static enum ui_key_result
pins_key(struct ui *ui, void *p, int key)
{
	struct view_pins *v = p;
	int64_t id = v->list.sel >= 0 && v->list.sel < (int)v->n
	                 ? v->pins[v->list.sel].id
	                 : 0;

	switch (key) {
	case 'a':
		pins_add(ui, v);
		return UI_KEY_USED;
	case 't':
		pins_tag(ui, v);
		return UI_KEY_USED;
	case 's':
		v->sort =
		    v->sort == STORE_PINS_HOT ? STORE_PINS_NEW : STORE_PINS_HOT;
		break;
	case 'x':
		v->all = !v->all;
		break;
	case '+':
	case '\r':
	case '\n':
	case UI_KEY(KEY_ENTER):
	case 'd':
		if (id == 0)
			return UI_KEY_USED;
		if (key == '+')
			pins_vote(ui, v, id);
		else if (key == 'd')
			ui_pin_discuss(ui, id);
		else
			ui_push(ui, &ui_view_pin, &id);
		return UI_KEY_USED;
	default:
		return ui_list_key(&v->list, key, (ui->rows - 3) / 2);
	}
	pins_reload(ui, v);
	return UI_KEY_USED;
}

static const char *
pins_title(void *p)
{
	(void)p;
	return "pins";
}

static const struct ui_help pins_help[] = {
	UI_HELP_SHARED("q", 0),
	{ "Enter", "show the pin: its full link, as a hyperlink", "Enter open",
	    0 },
	{ "+", "vote for it (once; pinning is a vote)", "+ vote", 0 },
	{ "a", "pin a link: URL, caption, tags, expiry", "a add", 0 },
	{ "d", "its discussion (started on the board pins)", "d discuss", 0 },
	{ "s", "sort: hot (votes halved per day of age) or new", "s sort", 0 },
	{ "t", "filter by a tag (empty: every tag)", "t tag", 0 },
	{ "x", "show or hide expired pins", "x expired", 0 },
	{ "*", "marks pins new since your last visit", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_pins = {
	.name = "pins",
	.open = pins_open,
	.close = pins_close,
	.draw = pins_draw,
	.key = pins_key,
	.reload = pins_reload,
	.title = pins_title,
	.help = pins_help,
	.motion = 1,
};
