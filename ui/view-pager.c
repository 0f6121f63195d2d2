/* bbs: ISC licence, see LICENSE. */
/*
 * A thread as a scrolling pager. Posts are paged in from the store a
 * page at a time around what is on screen (never a whole long thread) and
 * kept in a window of at most PAGER_KEEP posts, each wrapped to the
 * screen's width. The position is a post of the window and a line of it;
 * scrolling past either end of the window loads the next page.
 *
 * A post reads as a header (author, coarse time, id, "new"), its body
 * (quoted lines dimmed; a hidden post as the sysop's reason) and a blank
 * line. The post at the top of the screen is the current one, marked in
 * the left margin: R quotes it. J and K (and opening the thread at a
 * post) choose the current post even where the screen cannot scroll to
 * put it on top, at the end of a thread; scrolling by lines or pages
 * gives the choice back to the top of the screen. A post counts as read
 * once its last line has been on screen; the member's read position
 * moves forward only.
 *
 * Any member may flag the current post for the sysops (f); sysops also
 * hide or unhide it (H) and lock or stick the thread (L, S), each after
 * a reason prompt (ui/moderate.h). A post hidden by a sysop anywhere
 * shows as the marker at the next poll, which reloads the window.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/threads.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define PAGER_PAGE 32  /* posts one query brings */
#define PAGER_KEEP 128 /* posts kept around the screen */
#define PAGER_TEXT 4   /* the column bodies start at */

struct pager_post {
	struct store_post p;
	char *text;              /* the body, or the hidden notice */
	struct text_line *lines; /* text wrapped to the width */
	size_t nlines;
};

struct view_pager {
	int64_t thread;
	struct store_thread *t; /* NULL if the thread is gone */
	char *place;            /* "board > title" for the top bar */
	struct pager_post *posts;
	size_t n;
	int at_start, at_end; /* the window holds the first / last post */
	size_t tp;            /* the top of the screen: post tp... */
	int tl;               /* ...its line tl (0 is the header) */
	int width;            /* the width posts are wrapped to */
	int rows;             /* lines of posts on screen at the last draw */
	int64_t read_from;    /* read position at opening: later is new */
	int64_t marked;       /* the read position this view recorded */
	int follow;           /* the thread's end was on screen */
	int64_t sel;          /* the post J, K chose (0: the top one) */
	struct ui_mod mod;    /* the act a reason prompt is open for */
};

/* Lines a post takes: header, body, blank. */
static int
pager_post_rows(const struct pager_post *pp)
{
	return (int)pp->nlines + 2;
}

static void
pager_wrap(struct pager_post *pp, int width)
{
	free(pp->lines);
	text_wrap(pp->text, width, &pp->lines, &pp->nlines);
}

/* Takes over the store's post p into a window entry. */
static void
pager_post_init(
    struct view_pager *v, struct pager_post *pp, struct store_post *p)
{
	memset(pp, 0, sizeof *pp);
	pp->p = *p;
	memset(p, 0, sizeof *p);
	if (pp->p.hidden != NULL)
		xasprintf(&pp->text, "[hidden by sysop: %s]", pp->p.hidden);
	else
		pp->text = xstrdup(pp->p.body);
	pager_wrap(pp, v->width);
}

/* Frees what a window entry holds (not the entry). */
static void
pager_post_fini(struct pager_post *pp)
{
	free(pp->p.author);
	free(pp->p.body);
	free(pp->p.hidden);
	free(pp->text);
	free(pp->lines);
}

static void
pager_posts_clear(struct view_pager *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		pager_post_fini(&v->posts[i]);
	free(v->posts);
	v->posts = NULL;
	v->n = 0;
	v->tp = 0;
	v->tl = 0;
}

/* Drops posts [from, from + count) of the window. */
static void
pager_drop(struct view_pager *v, size_t from, size_t count)
{
	size_t i;

	for (i = from; i < from + count; i++)
		pager_post_fini(&v->posts[i]);
	memmove(v->posts + from, v->posts + from + count,
	    (v->n - from - count) * sizeof *v->posts);
	v->n -= count;
}

/* Keeps the window within PAGER_KEEP posts, dropping the far side. */
static void
pager_trim(struct view_pager *v)
{
	size_t extra;

	if (v->n <= PAGER_KEEP)
		return;
	extra = v->n - PAGER_KEEP;
	if (v->tp >= v->n / 2) {
		pager_drop(v, 0, extra);
		v->tp -= extra;
		v->at_start = 0;
	} else {
		pager_drop(v, v->n - extra, extra);
		v->at_end = 0;
	}
}

/*
 * Adds a page of posts to the window: after its last post, or (back)
 * before its first. Returns how many came; -1 on a store error.
 */
static int
pager_load(struct ui *ui, struct view_pager *v, int back)
{
	struct store_post *p;
	size_t n, i;
	int64_t after = 0, before = 0;

	if (v->n > 0 && back)
		before = v->posts[0].p.id;
	else if (v->n > 0)
		after = v->posts[v->n - 1].p.id;
	if (store_posts_page(ui->st, v->thread, after, before, PAGER_PAGE, &p,
	        &n) != STORE_OK) {
		ui_message(ui, "Cannot read this thread; try again.");
		return -1;
	}
	v->posts = xreallocarray(v->posts, v->n + n + 1, sizeof *v->posts);
	if (back) {
		memmove(v->posts + n, v->posts, v->n * sizeof *v->posts);
		for (i = 0; i < n; i++)
			pager_post_init(v, &v->posts[i], &p[i]);
		v->tp += n;
		v->at_start = n < PAGER_PAGE;
	} else {
		for (i = 0; i < n; i++)
			pager_post_init(v, &v->posts[v->n + i], &p[i]);
		v->at_end = n < PAGER_PAGE;
	}
	v->n += n;
	store_posts_free(p, n);
	pager_trim(v);
	return (int)n;
}

/* Lines from the top of the screen to the end of the window. */
static int
pager_lines_below(const struct view_pager *v)
{
	size_t i;
	int n = 0;

	if (v->n == 0)
		return 0;
	n = pager_post_rows(&v->posts[v->tp]) - v->tl;
	for (i = v->tp + 1; i < v->n && n < 1 << 20; i++)
		n += pager_post_rows(&v->posts[i]);
	return n;
}

/*
 * Puts the position back on a line of the window after a move, loading
 * pages as it goes past either end, and never leaves space below the
 * thread's last line while there are lines above to show.
 */
static void
pager_fix(struct ui *ui, struct view_pager *v)
{
	int rows = v->rows > 0 ? v->rows : ui_body_rows(ui) - 1;

	if (v->n == 0)
		return;
	while (v->tl >= pager_post_rows(&v->posts[v->tp])) {
		if (v->tp + 1 >= v->n &&
		    (v->at_end || pager_load(ui, v, 0) <= 0))
			break;
		v->tl -= pager_post_rows(&v->posts[v->tp]);
		v->tp++;
	}
	if (v->tp + 1 >= v->n && v->tl >= pager_post_rows(&v->posts[v->tp]))
		v->tl = pager_post_rows(&v->posts[v->tp]) - 1;
	while (!v->at_end && pager_lines_below(v) < rows &&
	       pager_load(ui, v, 0) > 0)
		;
	if (v->at_end && pager_lines_below(v) < rows)
		v->tl -= rows - pager_lines_below(v);
	while (v->tl < 0) {
		if (v->tp == 0 && (v->at_start || pager_load(ui, v, 1) <= 0)) {
			v->tl = 0;
			break;
		}
		v->tp--;
		v->tl += pager_post_rows(&v->posts[v->tp]);
	}
}

static void
pager_move(struct ui *ui, struct view_pager *v, int lines)
{
	v->tl += lines;
	pager_fix(ui, v);
}

/*
 * Empties the window and pages in from post id going forward (the posts
 * after it) or back (the posts before it): a window of one stand-in post
 * with that id gives pager_load() its bound.
 */
static void
pager_load_from(struct ui *ui, struct view_pager *v, int64_t id, int back)
{
	pager_posts_clear(v);
	v->posts = xcalloc(1, sizeof *v->posts);
	v->posts[0].p.id = id;
	v->n = 1;
	v->at_start = v->at_end = 0;
	pager_load(ui, v, back);
	if (back) {
		pager_drop(v, v->n - 1, 1);
		v->at_end = 1;
		v->tp = v->n > 0 ? v->n - 1 : 0;
	} else {
		pager_drop(v, 0, 1);
		v->tp = 0;
	}
	v->tl = 0;
}

/* The window from the thread's first post. */
static void
pager_load_start(struct ui *ui, struct view_pager *v)
{
	pager_posts_clear(v);
	v->sel = 0;
	v->at_start = 1;
	v->at_end = 0;
	pager_load(ui, v, 0);
	pager_fix(ui, v);
}

/*
 * The window at post (0: the first unread, or the first post when all is
 * read) with that post at the top of the screen.
 */
static void
pager_load_at(struct ui *ui, struct view_pager *v, int64_t post)
{
	int64_t pos = 0;

	if (post == 0 &&
	    store_read_position(ui->st, ui->me->id, v->thread, &pos) == 0 &&
	    pos > 0 && v->t != NULL && pos < v->t->last_post_id)
		post = pos + 1;
	if (post == 0) {
		pager_load_start(ui, v);
		return;
	}
	pager_load_from(ui, v, post - 1, 0);
	if (v->n == 0) {
		pager_load_start(ui, v); /* gone meanwhile */
		return;
	}
	v->sel = v->posts[0].p.id; /* current even at the thread's end */
	pager_fix(ui, v);
}

/*
 * The window at the thread's end, its last line at the bottom, and its
 * last post current (not whatever tail of another is left at the top).
 */
static void
pager_load_end(struct ui *ui, struct view_pager *v)
{
	pager_load_from(ui, v, INT64_MAX, 1);
	v->tl = 1 << 20; /* past the end: pager_fix() pulls back */
	pager_fix(ui, v);
	if (v->n > 0)
		v->sel = v->posts[v->n - 1].p.id;
}

static void
pager_place(struct view_pager *v)
{
	free(v->place);
	if (v->t == NULL)
		v->place = xstrdup("a thread that is gone");
	else
		xasprintf(&v->place, "%s > %s", v->t->board, v->t->title);
}

static void *
pager_open(struct ui *ui, const void *arg)
{
	const struct ui_pager_arg *a = arg;
	struct view_pager *v = xcalloc(1, sizeof *v);

	v->thread = a->thread;
	/* The size it will be drawn at, so the first pages wrap right. */
	v->width = ui->cols - PAGER_TEXT - 1;
	v->rows = ui_body_rows(ui) - 1;
	if (store_thread_get(ui->st, v->thread, ui->me->id, &v->t) != 0) {
		ui_message(ui, "That thread is gone.");
		free(v);
		return NULL;
	}
	store_read_position(ui->st, ui->me->id, v->thread, &v->read_from);
	v->marked = v->read_from;
	pager_place(v);
	pager_load_at(ui, v, a->post);
	return v;
}

static void
pager_close(void *p)
{
	struct view_pager *v = p;

	pager_posts_clear(v);
	store_thread_free(v->t);
	free(v->place);
	free(v);
}

/* The index of the post with id in the window (n if none). */
static size_t
pager_find(const struct view_pager *v, int64_t id)
{
	size_t i;

	for (i = 0; i < v->n && v->posts[i].p.id != id; i++)
		;
	return i;
}

/* The last post of the window whose header is on screen. */
static size_t
pager_bottom(const struct view_pager *v)
{
	size_t i = v->tp;
	int y = pager_post_rows(&v->posts[i]) - v->tl; /* the next header */

	while (i + 1 < v->n && y < v->rows)
		y += pager_post_rows(&v->posts[++i]);
	return i;
}

/*
 * The current post: the one J or K chose while its header is on screen,
 * else the one at the top, or the next from its blank.
 */
static size_t
pager_current(const struct view_pager *v)
{
	size_t i = v->sel != 0 ? pager_find(v, v->sel) : v->n;

	if (i < v->n && i >= v->tp && i <= pager_bottom(v))
		return i;
	if (v->tl == pager_post_rows(&v->posts[v->tp]) - 1 && v->tp + 1 < v->n)
		return v->tp + 1;
	return v->tp;
}

static void
pager_draw_header(struct ui *ui, struct view_pager *v, WINDOW *w, int y,
    int cols, const struct pager_post *pp)
{
	char when[20], id[40];
	int x;

	x = 2 + ui_draw_text(w, y, 2, cols / 2, pp->p.author,
	            strlen(pp->p.author), A_BOLD);
	text_time(pp->p.created, cols < 60, when);
	snprintf(id, sizeof id, "  %s  #%lld", when, (long long)pp->p.id);
	x += ui_draw_text(
	    w, y, x, cols - x, id, strlen(id), ui_attr(ui, UI_ATTR_DIM));
	if (pp->p.id > v->read_from && !ui_guest(ui) &&
	    strcmp(pp->p.author, ui->me->pseudonym) != 0)
		ui_draw_text(
		    w, y, x, cols - x, "  new", 5, ui_attr(ui, UI_ATTR_UNREAD));
}

/* Line l of post pp at row y; the margin marks the current post. */
static void
pager_draw_line(struct ui *ui, struct view_pager *v, WINDOW *w, int y, int cols,
    size_t i, int l)
{
	const struct pager_post *pp = &v->posts[i];
	const struct text_line *tl;
	attr_t a = 0;

	if (i == pager_current(v) && l < pager_post_rows(pp) - 1 &&
	    wmove(w, y, 0) == OK)
		waddch(w, ACS_VLINE | ui_attr(ui, UI_ATTR_TITLE));
	if (l == 0) {
		pager_draw_header(ui, v, w, y, cols, pp);
		return;
	}
	if (l > (int)pp->nlines)
		return;
	tl = &pp->lines[l - 1];
	if (pp->p.hidden != NULL || (tl->len > 0 && pp->text[tl->off] == '>'))
		a = ui_attr(ui, UI_ATTR_DIM);
	ui_draw_text(w, y, PAGER_TEXT, cols - PAGER_TEXT - 1,
	    pp->text + tl->off, tl->len, a);
}

static void
pager_draw_title(struct ui *ui, struct view_pager *v, WINDOW *w, int cols)
{
	char info[64];
	int x;

	if (v->t == NULL) {
		ui_draw_text(w, 0, 1, cols - 2, "This thread is gone.", 20,
		    ui_attr(ui, UI_ATTR_WARN));
		return;
	}
	snprintf(info, sizeof info, "%s%s%lld post%s",
	    v->t->sticky ? "[sticky] " : "", v->t->locked ? "[locked] " : "",
	    (long long)v->t->replies + 1, v->t->replies == 0 ? "" : "s");
	x = ui_draw_right(
	    w, 0, cols - 1, cols / 2, info, ui_attr(ui, UI_ATTR_DIM));
	ui_draw_text(w, 0, 1, x - 2, v->t->title, strlen(v->t->title),
	    ui_attr(ui, UI_ATTR_TITLE));
}

/* Records the last post whose end is on screen as read. */
static void
pager_mark(struct ui *ui, struct view_pager *v, int64_t upto)
{
	if (upto <= v->marked || ui_guest(ui)) /* nothing kept for a guest */
		return;
	if (store_read_mark(ui->st, ui->me->id, v->thread, upto) == STORE_OK)
		v->marked = upto;
}

static void
pager_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_pager *v = p;
	int64_t upto = 0;
	size_t i, k;
	int y, l;

	pager_draw_title(ui, v, w, cols);
	if (cols - PAGER_TEXT - 1 != v->width || rows - 1 != v->rows) {
		v->width = cols - PAGER_TEXT - 1;
		v->rows = rows - 1;
		for (k = 0; k < v->n; k++)
			pager_wrap(&v->posts[k], v->width);
		pager_fix(ui, v); /* a resize keeps the top post on top */
	}
	i = v->tp;
	l = v->tl;
	for (y = 1; y < rows && i < v->n; y++) {
		pager_draw_line(ui, v, w, y, cols, i, l);
		if (l == (int)v->posts[i].nlines)
			upto = v->posts[i].p.id; /* its last line is shown */
		if (++l == pager_post_rows(&v->posts[i]))
			i++, l = 0;
	}
	v->follow = v->at_end && v->n > 0 && upto == v->posts[v->n - 1].p.id;
	pager_mark(ui, v, upto);
}

/* Moves the post at index i of the window to the top of the screen. */
static void
pager_top_post(struct ui *ui, struct view_pager *v, size_t i)
{
	v->tp = i;
	v->tl = 0;
	pager_fix(ui, v);
}

/* J, K: the next or the previous post to the top. */
static void
pager_step(struct ui *ui, struct view_pager *v, int dir)
{
	size_t cur = pager_current(v);
	int64_t id = v->posts[cur].p.id;

	if (dir < 0 && cur == v->tp && v->tl > 0) {
		pager_top_post(ui, v, cur); /* first its own header */
		v->sel = id;
		return;
	}
	/* A load may trim the window: find the post again by its id. */
	if (dir > 0 && cur + 1 >= v->n && !v->at_end)
		pager_load(ui, v, 0);
	if (dir < 0 && cur == 0 && !v->at_start)
		pager_load(ui, v, 1);
	cur = pager_find(v, id);
	if (dir > 0 && cur + 1 < v->n)
		cur++;
	else if (dir < 0 && cur > 0 && cur < v->n)
		cur--;
	else
		return;
	/* Chosen even if the screen cannot scroll it to the top. */
	v->sel = v->posts[cur].p.id;
	pager_top_post(ui, v, cur);
}

/* Says why a member may not reply here, before any text is typed. */
static int
pager_may_reply(struct ui *ui, const struct view_pager *v)
{
	struct store_board *b = NULL;
	int may = 1; /* without the board, the store will say */

	if (store_board_get(ui->st, v->t->board, &b) == STORE_OK)
		may = ui_may_post(ui, b, v->t);
	store_board_free(b);
	return may;
}

/* Starts a reply, quoting the current post with quote. */
static void
pager_reply(struct ui *ui, struct view_pager *v, int quote)
{
	struct ui_editor_arg arg = { NULL, v->thread, NULL, NULL };
	const struct pager_post *pp;
	const char *s, *nl;
	struct buf b;

	if (v->t == NULL || !pager_may_reply(ui, v))
		return;
	arg.title = v->t->title;
	buf_init(&b);
	if (quote && v->n > 0) {
		pp = &v->posts[pager_current(v)];
		if (pp->p.hidden != NULL) {
			ui_message(ui, "A hidden post cannot be quoted.");
			buf_free(&b);
			return;
		}
		buf_printf(&b, "%s wrote:\n", pp->p.author);
		for (s = pp->p.body; *s != '\0'; s = nl + 1) {
			nl = strchr(s, '\n');
			if (nl == NULL)
				nl = s + strlen(s) - 1;
			buf_adds(&b, *s == '>' || *s == '\n' ? ">" : "> ");
			buf_add(&b, s, (size_t)(nl - s) + 1);
			if (*nl != '\n')
				buf_addc(&b, '\n');
		}
		buf_adds(&b, "\n");
		arg.quote = b.data;
	}
	ui_push(ui, &ui_view_editor, &arg);
	buf_free(&b);
}

/* Moves to post (0: the first unread) of the thread. */
static void
pager_goto(struct ui *ui, struct view_pager *v, int64_t post)
{
	size_t i;

	store_thread_free(v->t);
	v->t = NULL;
	store_thread_get(ui->st, v->thread, ui->me->id, &v->t);
	pager_place(v);
	/* In the window already: the first post from that id on. */
	for (i = 0; post != 0 && i < v->n && v->posts[i].p.id < post; i++)
		;
	if (post != 0 && i < v->n && (i > 0 || v->posts[0].p.id == post)) {
		v->sel = v->posts[i].p.id;
		pager_top_post(ui, v, i);
	} else
		pager_load_at(ui, v, post);
}

/* u: the first post that was new when the thread was opened. */
static void
pager_first_new(struct ui *ui, struct view_pager *v)
{
	if (v->t == NULL || v->t->last_post_id <= v->read_from)
		ui_message(ui, "No new posts in this thread.");
	else
		pager_goto(ui, v, v->read_from + 1);
}

/* A motion key, or b (a page up, as in less), scrolls the thread. */
static enum ui_key_result
pager_key_move(struct ui *ui, struct view_pager *v, int key)
{
	enum ui_motion m = key == 'b' ? UI_MOTION_PAGE_UP : ui_motion(key);
	enum ui_key_result r = UI_KEY_USED;
	int page = v->rows > 1 ? v->rows - 1 : 1;
	int64_t sel = v->sel;

	/* Scrolling gives the choice back to the top of the screen. */
	v->sel = 0;
	switch (m) {
	case UI_MOTION_UP:
		pager_move(ui, v, -1);
		break;
	case UI_MOTION_DOWN:
		pager_move(ui, v, 1);
		break;
	case UI_MOTION_PAGE_UP:
		pager_move(ui, v, -page);
		break;
	case UI_MOTION_PAGE_DOWN:
		pager_move(ui, v, page);
		break;
	case UI_MOTION_FIRST:
		pager_load_start(ui, v);
		break;
	case UI_MOTION_LAST:
		pager_load_end(ui, v);
		break;
	case UI_MOTION_BACK: /* the UI's (ui_view_pager.back) */
	case UI_MOTION_OPEN: /* nothing to open in a thread */
	case UI_MOTION_NONE:
		v->sel = sel;
		r = UI_KEY_UNUSED;
		break;
	}
	return r;
}

/* J K (Tab, Shift-Tab) choose a post, any other motion scrolls. */
static enum ui_key_result
pager_key_post(struct ui *ui, struct view_pager *v, int key)
{
	enum ui_key_result r = UI_KEY_USED;

	if (key == 'J' || key == '\t')
		pager_step(ui, v, 1);
	else if (key == 'K' || key == UI_KEY(KEY_BTAB))
		pager_step(ui, v, -1);
	else
		r = pager_key_move(ui, v, key);
	return r;
}

/* f, and a sysop's H: a reason prompt for the current post. */
static void
pager_post_act(struct ui *ui, struct view_pager *v, int key)
{
	const struct pager_post *pp;
	enum ui_mod_act act = UI_MOD_FLAG;

	if (v->n == 0)
		return;
	pp = &v->posts[pager_current(v)];
	if (key == 'H')
		act = pp->p.hidden != NULL ? UI_MOD_UNHIDE : UI_MOD_HIDE;
	ui_mod_ask(ui, &v->mod, act, pp->p.id, NULL, pp->p.author);
}

/* A sysop's L or S: lock or stick the thread, or undo it. */
static void
pager_thread_act(struct ui *ui, struct view_pager *v, int key)
{
	enum ui_mod_act act;

	if (v->t == NULL)
		return;
	if (key == 'L')
		act = v->t->locked ? UI_MOD_UNLOCK : UI_MOD_LOCK;
	else
		act = v->t->sticky ? UI_MOD_UNSTICKY : UI_MOD_STICKY;
	ui_mod_ask(ui, &v->mod, act, v->t->id, NULL, NULL);
}

static enum ui_key_result
pager_key(struct ui *ui, void *p, int key)
{
	struct view_pager *v = p;

	switch (key) {
	case 'f':
		pager_post_act(ui, v, key);
		return UI_KEY_USED;
	case 'H':
	case 'L':
	case 'S':
		/* Members never see these keys: for them they do nothing. */
		if (!ui_sysop(ui))
			return UI_KEY_UNUSED;
		if (key == 'H')
			pager_post_act(ui, v, key);
		else
			pager_thread_act(ui, v, key);
		return UI_KEY_USED;
	case 'r':
		pager_reply(ui, v, 0);
		return UI_KEY_USED;
	case 'R':
		pager_reply(ui, v, 1);
		return UI_KEY_USED;
	case 'u':
		pager_first_new(ui, v);
		return UI_KEY_USED;
	}
	if (v->n == 0)
		return UI_KEY_UNUSED;
	return pager_key_post(ui, v, key);
}

/*
 * Someone changed the database: the thread's title, lock and count, and
 * the posts in the window (new ones, a sysop hiding one) come again. The
 * same line stays on top, unless the thread's end was on screen: then
 * the view follows it so new posts appear.
 */
static void
pager_reload(struct ui *ui, void *p)
{
	struct view_pager *v = p;
	int64_t top = v->n > 0 ? v->posts[v->tp].p.id : 0;
	int tl = v->tl, follow = v->follow;
	size_t i;

	store_thread_free(v->t);
	v->t = NULL;
	store_thread_get(ui->st, v->thread, ui->me->id, &v->t);
	pager_place(v);
	if (v->n == 0 || v->t == NULL) {
		pager_load_at(ui, v, 0);
		return;
	}
	pager_load_from(ui, v, top - 1, 0);
	for (i = 0; i < v->n && v->posts[i].p.id < top; i++)
		;
	v->tp = i < v->n ? i : 0;
	v->tl = tl;
	if (v->n == 0)
		pager_load_start(ui, v);
	pager_fix(ui, v);
	if (follow)
		pager_move(ui, v, 1 << 20);
}

/* ui_goto() to a post of the thread this pager shows: it moves there. */
static int
pager_show(struct ui *ui, void *p, const void *arg)
{
	const struct ui_pager_arg *a = arg;
	struct view_pager *v = p;
	int r = -1;

	if (a->thread == v->thread) {
		pager_goto(ui, v, a->post);
		r = 0;
	}
	return r;
}

static const char *
pager_title(void *p)
{
	return ((struct view_pager *)p)->place;
}

static const struct ui_help pager_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "r", "reply", "r reply", UI_HELP_NO_GUEST },
	{ "R", "reply quoting the current post (marked on the left)", "R quote",
	    UI_HELP_NO_GUEST },
	{ "f", "flag the current post for the sysops, with a reason", "f flag",
	    UI_HELP_NO_GUEST },
	{ "space", NULL, "space page", UI_HELP_MEMBER },
	UI_HELP_SHARED("n", UI_HELP_MEMBER),
	{ "H", "hide the current post (a reason is required), or unhide it",
	    "H hide", UI_HELP_SYSOP },
	{ "L", "lock the thread (no more replies), or unlock it", "L lock",
	    UI_HELP_SYSOP },
	{ "S", "make the thread sticky (first on its board), or not",
	    "S sticky", UI_HELP_SYSOP },
	{ "J K Tab", "the next or the previous post (Shift-Tab: previous)",
	    NULL, 0 },
	{ "b", "a page up, as PgUp", NULL, 0 },
	{ "u", "the first post that was new when you opened the thread", NULL,
	    UI_HELP_NO_GUEST },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_pager = {
	.name = "thread",
	.open = pager_open,
	.close = pager_close,
	.draw = pager_draw,
	.key = pager_key,
	.reload = pager_reload,
	.title = pager_title,
	.show = pager_show,
	.help = pager_help,
	.motion = 1,
	.back = "back to the threads",
};
