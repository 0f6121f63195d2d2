/* bbs: ISC licence, see LICENSE. */
/*
 * The editor's buffer (see edit.h). One contiguous string: a draft is at
 * most a few times the 64 KiB body limit, and typing or pasting happens
 * at the cursor, usually at the end, so moving the tail is cheap enough
 * and every layout is one text_wrap() of the whole string.
 */
#include <stdlib.h>
#include <string.h>

#include "ui/edit.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

void
edit_init(struct edit *e, const char *text, int single, size_t max)
{
	memset(e, 0, sizeof *e);
	e->cap = 64;
	e->s = xmalloc(e->cap);
	e->s[0] = '\0';
	e->single = single;
	e->max = max;
	e->goal = -1;
	if (text != NULL)
		edit_insert(e, text, strlen(text));
	e->full = 0;
}

void
edit_free(struct edit *e)
{
	free(e->s);
	e->s = NULL;
	e->len = e->cap = e->cur = 0;
}

/* Replaces n bytes at the cursor with the len bytes of s. */
static void
edit_splice(struct edit *e, size_t n, const char *s, size_t len)
{
	size_t need = e->len - n + len + 1;

	if (need > e->cap) {
		while (e->cap < need)
			e->cap *= 2;
		e->s = xreallocarray(e->s, e->cap, 1);
	}
	memmove(
	    e->s + e->cur + len, e->s + e->cur + n, e->len - e->cur - n + 1);
	memcpy(e->s + e->cur, s, len);
	e->len = e->len - n + len;
}

/* Appends cp to b as the editor keeps it; 0 if it is dropped. */
static int
edit_keep(const struct edit *e, struct buf *b, uint32_t cp)
{
	if ((cp == '\n' || cp == '\t') && e->single)
		cp = ' ';
	else if (cp != '\n' && cp != '\t' && utf8_is_control(cp))
		return 0;
	buf_add_cp(b, cp);
	return 1;
}

void
edit_insert(struct edit *e, const char *s, size_t len)
{
	struct buf b;
	size_t i = 0, room, keep = 0, mark;
	uint32_t cp;
	int n;

	buf_init(&b);
	room = e->max == 0 ? (size_t)-1 : e->max - e->len;
	e->full = 0;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n < 0 ? 1 : (size_t)n;
		if (cp == '\r') {
			cp = '\n';
			if (i < len && s[i] == '\n')
				i++;
		}
		mark = b.len;
		if (!edit_keep(e, &b, cp))
			continue;
		if (b.len > room) {
			b.len = mark;
			e->full = 1;
			break;
		}
		keep = b.len;
	}
	if (keep > 0) {
		edit_splice(e, 0, b.data, keep);
		e->cur += keep;
	}
	buf_free(&b);
	e->goal = -1;
}

void
edit_insert_cp(struct edit *e, uint32_t cp)
{
	char u[4];
	int n;

	if ((n = utf8_encode(cp, u)) > 0)
		edit_insert(e, u, (size_t)n);
}

/* The offset of the code point before off (0 at the start). */
static size_t
edit_prev(const struct edit *e, size_t off)
{
	while (off > 0) {
		off--;
		if (((unsigned char)e->s[off] & 0xc0) != 0x80)
			break;
	}
	return off;
}

/* The offset after the code point at off (len at the end). */
static size_t
edit_next(const struct edit *e, size_t off)
{
	uint32_t cp;
	int n;

	if (off >= e->len)
		return e->len;
	n = utf8_decode(e->s + off, e->len - off, &cp);
	return off + (n < 0 ? 1 : (size_t)n);
}

void
edit_backspace(struct edit *e)
{
	size_t p = edit_prev(e, e->cur);

	if (p == e->cur)
		return;
	e->cur = p;
	edit_delete(e);
}

void
edit_delete(struct edit *e)
{
	size_t n = edit_next(e, e->cur) - e->cur;

	if (n > 0)
		edit_splice(e, n, "", 0);
	e->goal = -1;
}

void
edit_kill(struct edit *e)
{
	const char *nl = strchr(e->s + e->cur, '\n');
	size_t end = nl == NULL ? e->len : (size_t)(nl - e->s);

	if (end == e->cur)
		end = edit_next(e, e->cur); /* at the end: join the lines */
	edit_splice(e, end - e->cur, "", 0);
	e->goal = -1;
}

void
edit_kill_back(struct edit *e, size_t from)
{
	size_t n = e->cur - from;

	e->cur = from;
	edit_splice(e, n, "", 0);
	e->goal = -1;
}

void
edit_left(struct edit *e)
{
	e->cur = edit_prev(e, e->cur);
	e->goal = -1;
}

void
edit_right(struct edit *e)
{
	e->cur = edit_next(e, e->cur);
	e->goal = -1;
}

void
edit_first(struct edit *e)
{
	e->cur = 0;
	e->goal = -1;
}

void
edit_last(struct edit *e)
{
	e->cur = e->len;
	e->goal = -1;
}

void
edit_layout(const struct edit *e, int cols, struct text_line **rows, size_t *n)
{
	text_wrap(e->s, cols, rows, n);
	if (e->len > 0 && e->s[e->len - 1] == '\n') {
		*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
		(*rows)[(*n)++] = (struct text_line){ e->len, 0 };
	}
}

size_t
edit_cursor(
    const struct edit *e, const struct text_line *rows, size_t n, int *col)
{
	size_t lo = 0, hi = n, mid;

	/* The last row starting at or before the cursor. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (rows[mid].off <= e->cur)
			lo = mid;
		else
			hi = mid;
	}
	*col = text_span_width(e->s + rows[lo].off, e->cur - rows[lo].off);
	return lo;
}

/*
 * The last offset the cursor may take on row i: its end, unless the row
 * was wrapped (the next row goes on without a newline), where the end is
 * the next row's start, drawn there.
 */
static size_t
edit_row_max(
    const struct edit *e, const struct text_line *rows, size_t n, size_t i)
{
	size_t end = rows[i].off + rows[i].len;

	if (i + 1 < n && rows[i + 1].off == end && end > rows[i].off)
		return edit_prev(e, end);
	return end;
}

void
edit_vertical(struct edit *e, int cols, int delta)
{
	struct text_line *rows;
	size_t n, r, off;
	long target;
	int col;

	edit_layout(e, cols, &rows, &n);
	r = edit_cursor(e, rows, n, &col);
	if (e->goal < 0)
		e->goal = col;
	target = (long)r + delta;
	if (target < 0)
		target = 0;
	if (target >= (long)n)
		target = (long)n - 1;
	off = rows[target].off + text_col_offset(e->s + rows[target].off,
	                             rows[target].len, e->goal);
	if (off > edit_row_max(e, rows, n, (size_t)target))
		off = edit_row_max(e, rows, n, (size_t)target);
	e->cur = off;
	free(rows);
}

/* Moves to the start (end 0) or the end of the cursor's display row. */
static void
edit_row_edge(struct edit *e, int cols, int end)
{
	struct text_line *rows;
	size_t n, r;
	int col;

	edit_layout(e, cols, &rows, &n);
	r = edit_cursor(e, rows, n, &col);
	e->cur = end ? edit_row_max(e, rows, n, r) : rows[r].off;
	e->goal = -1;
	free(rows);
}

void
edit_row_home(struct edit *e, int cols)
{
	edit_row_edge(e, cols, 0);
}

void
edit_row_end(struct edit *e, int cols)
{
	edit_row_edge(e, cols, 1);
}

size_t
edit_hscroll(const struct edit *e, int cols)
{
	size_t start = 0;

	if (cols < 2)
		cols = 2;
	/* Leave a column for the cursor itself. */
	while (start < e->cur &&
	       text_span_width(e->s + start, e->cur - start) > cols - 1)
		start = edit_next(e, start);
	return start;
}
