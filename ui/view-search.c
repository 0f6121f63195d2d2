/* bbs: ISC licence, see LICENSE. */
/*
 * Search: a query line, then the hits the store's full-text index finds
 * in titles and bodies (each word is searched for as a quoted term, never
 * as FTS5 syntax), best match first. Enter opens a hit's post in its
 * thread; / asks again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/threads.h"
#include "ui/edit.h"
#include "ui/field.h"
#include "ui/ui-int.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define SEARCH_LIMIT 100
#define SEARCH_LABEL "Search: "
#define SEARCH_ROWS 2 /* a hit takes two rows: its place, its snippet */

struct view_search {
	struct edit q;
	int typing; /* the query line has the cursor */
	char *ran;  /* the query the hits are for, or NULL */
	struct store_hit *hits;
	size_t n;
	struct ui_list list; /* over hits, not rows */
};

/* Runs the query in v->ran; keeps the selection's index. */
static void
search_run(struct ui *ui, struct view_search *v)
{
	char *s;
	size_t i;
	int r;

	store_hits_free(v->hits, v->n);
	v->hits = NULL;
	v->n = 0;
	r = store_search(ui->st, v->ran, SEARCH_LIMIT, &v->hits, &v->n);
	if (r == STORE_ERR_USAGE)
		ui_message(ui, "Type a word to search for.");
	else if (r != STORE_OK)
		ui_message(ui, "The search failed; try again.");
	/* A snippet spans lines; it is shown on one. */
	for (i = 0; i < v->n; i++) {
		s = utf8_sanitize(
		    v->hits[i].snippet, strlen(v->hits[i].snippet), 0);
		free(v->hits[i].snippet);
		v->hits[i].snippet = s;
	}
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, 1);
}

static void *
search_open(struct ui *ui, const void *arg)
{
	struct view_search *v = xcalloc(1, sizeof *v);

	(void)ui;
	(void)arg;
	edit_init(&v->q, NULL, 1, 1024);
	v->typing = 1;
	return v;
}

static void
search_close(void *p)
{
	struct view_search *v = p;

	edit_free(&v->q);
	store_hits_free(v->hits, v->n);
	free(v->ran);
	free(v);
}

static void
search_draw_hit(struct ui *ui, WINDOW *w, int y, int cols,
    const struct store_hit *h, int sel)
{
	attr_t a = sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	char where[96], when[20];
	int x, end, by;

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_fill(w, y + 1, 0, cols, a);
	text_time(h->created, 1, when);
	snprintf(where, sizeof where, "%s  %s", h->board, when);
	/* Title, " by " and author share what the right column leaves. */
	x = ui_draw_right(
	    w, y, cols - 1, cols / 2, where, a | ui_attr(ui, UI_ATTR_DIM));
	end = x - 1;
	by = 4 + text_span_width(h->author, strlen(h->author));
	if (by > cols / 4)
		by = cols / 4;
	x = 1 + ui_draw_text(w, y, 1, end - 1 - by, h->title, strlen(h->title),
	            a | A_BOLD);
	x += ui_draw_text(
	    w, y, x, end - x, " by ", 4, a | ui_attr(ui, UI_ATTR_DIM));
	ui_draw_text(w, y, x, end - x, h->author, strlen(h->author), a);
	ui_draw_text(w, y + 1, 3, cols - 4, h->snippet, strlen(h->snippet),
	    a | ui_attr(ui, UI_ATTR_DIM));
}

static void
search_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_search *v = p;
	int lw = (int)sizeof SEARCH_LABEL - 1,
	    per = ui_list_page(rows - 2, SEARCH_ROWS);
	size_t i;
	char info[64];

	ui_draw_text(
	    w, 0, 1, lw, SEARCH_LABEL, (size_t)lw, ui_attr(ui, UI_ATTR_TITLE));
	ui_field_draw(
	    ui, w, &v->q, 0, 1 + lw, cols - lw - 2, A_BOLD, v->typing);
	ui_draw_rule(w, 1, 0, cols, ui_attr(ui, UI_ATTR_DIM));
	if (v->ran != NULL) {
		snprintf(info, sizeof info, " %zu hit%s ", v->n,
		    v->n == 1 ? "" : "s");
		ui_draw_text(w, 1, 2, cols - 4, info, strlen(info),
		    ui_attr(ui, UI_ATTR_DIM));
	}
	ui_list_clamp(&v->list, per);
	for (i = 0; (int)i < per && v->list.top + (int)i < (int)v->n; i++)
		search_draw_hit(ui, w, 2 + (int)i * SEARCH_ROWS, cols,
		    &v->hits[v->list.top + (int)i],
		    !v->typing && v->list.top + (int)i == v->list.sel);
}

/* Keys while the query line has the cursor. */
static enum ui_key_result
search_key_query(struct ui *ui, struct view_search *v, int key)
{
	switch (key) {
	case '\r':
	case '\n':
	case UI_KEY(KEY_ENTER):
		if (v->q.s[strspn(v->q.s, " ")] == '\0') {
			ui_message(ui, "Type a word to search for.");
			return UI_KEY_USED;
		}
		free(v->ran);
		v->ran = xstrdup(v->q.s);
		v->list.sel = v->list.top = 0;
		search_run(ui, v);
		v->typing = v->n == 0;
		return UI_KEY_USED;
	case UI_ESC:
		if (v->ran == NULL)
			return UI_KEY_CLOSE;
		v->typing = 0;
		return UI_KEY_USED;
	case UI_KEY(KEY_DOWN):
		v->typing = v->n == 0;
		return UI_KEY_USED;
	}
	return ui_field_key(&v->q, key);
}

static enum ui_key_result
search_key(struct ui *ui, void *p, int key)
{
	struct view_search *v = p;
	int per = ui_list_page(ui_body_rows(ui) - 2, SEARCH_ROWS);

	if (v->typing)
		return search_key_query(ui, v, key);
	if (key == '/') {
		v->typing = 1;
		edit_last(&v->q);
		return UI_KEY_USED;
	}
	if (ui_motion(key) == UI_MOTION_OPEN) {
		if (v->n > 0)
			ui_goto(ui, v->hits[v->list.sel].thread,
			    v->hits[v->list.sel].post, 0);
		return UI_KEY_USED;
	}
	if (ui_motion(key) == UI_MOTION_UP && v->list.sel == 0) {
		v->typing = 1; /* up from the first hit: the query */
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, per);
}

static void
search_reload(struct ui *ui, void *p)
{
	struct view_search *v = p;

	if (v->ran != NULL)
		search_run(ui, v);
}

static int
search_typing(void *p)
{
	return ((struct view_search *)p)->typing;
}

static const char *
search_title(void *p)
{
	(void)p;
	return "search";
}

/* The bar follows the cursor: the query line's keys, or the hits'. */
static const struct ui_help search_help[] = {
	UI_HELP_SHARED("?", UI_HELP_NOT_TYPING),
	UI_HELP_SHARED("q", UI_HELP_NOT_TYPING),
	{ "Enter", NULL, "Enter search", UI_HELP_TYPING },
	{ "Enter", "search (on the query line) or open the chosen hit",
	    "Enter open", UI_HELP_NOT_TYPING },
	{ "/", "a new search (Up from the first hit too)", "/ new search",
	    UI_HELP_NOT_TYPING },
	UI_HELP_SHARED("n", UI_HELP_NOT_TYPING),
	{ "Esc", "from the query line back to the hits, or out", "Esc back",
	    UI_HELP_TYPING },
	UI_HELP_SHARED("F1", UI_HELP_TYPING),
	{ "Ctrl-U", "clear the query line", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_search = {
	.name = "search",
	.open = search_open,
	.close = search_close,
	.draw = search_draw,
	.key = search_key,
	.reload = search_reload,
	.title = search_title,
	.help = search_help,
	.motion = 1,
	.back = "back",
	.typing = search_typing,
};
