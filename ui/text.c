/* bbs: ISC licence, see LICENSE. */
/* Terminal text layout: widths, fitting and wrapping (see text.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "ui/text.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

int
text_cp_width(uint32_t cp)
{
	int w;

	if (utf8_is_bidi(cp))
		return 0;
	if (utf8_is_control(cp))
		return 1; /* drawn as '?' */
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1; /* unassigned: drawn as U+FFFD */
	return w;
}

/* Decodes one code point at s; invalid bytes count as one U+FFFD. */
static size_t
text_next(const char *s, size_t len, uint32_t *cp)
{
	int n = utf8_decode(s, len, cp);

	return n < 0 ? 1 : (size_t)n;
}

int
text_width(const char *s)
{
	size_t i = 0, len = strlen(s);
	uint32_t cp;
	int w = 0;

	while (i < len) {
		i += text_next(s + i, len - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, int cols, int *used)
{
	size_t i = 0, n;
	uint32_t cp;
	int w = 0, cw;

	while (i < len) {
		n = text_next(s + i, len - i, &cp);
		cw = text_cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

/* Columns cp takes drawn at column col: tabs go to the next stop. */
static int
text_cp_cols(uint32_t cp, int col)
{
	return cp == '\t' ? TEXT_TAB - col % TEXT_TAB : text_cp_width(cp);
}

int
text_span_width(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int w = 0;

	while (i < len) {
		i += text_next(s + i, len - i, &cp);
		w += text_cp_cols(cp, w);
	}
	return w;
}

size_t
text_col_offset(const char *s, size_t len, int col)
{
	size_t i = 0, n;
	uint32_t cp;
	int w = 0, cw;

	while (i < len) {
		n = text_next(s + i, len - i, &cp);
		cw = text_cp_cols(cp, w);
		if (w + cw > col && cw > 0)
			return i;
		w += cw;
		i += n;
	}
	return len;
}

static void
text_push(
    struct text_line **lines, size_t *n, size_t *cap, size_t off, size_t len)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	(*lines)[(*n)++] = (struct text_line){ off, len };
}

void
text_wrap(const char *s, int cols, struct text_line **lines, size_t *n)
{
	size_t len = strlen(s), i = 0, start = 0, cap = 0, brk = 0, step;
	uint32_t cp;
	int w = 0, cw;

	*lines = NULL;
	*n = 0;
	if (cols < 1)
		cols = 1;
	while (i < len) {
		step = text_next(s + i, len - i, &cp);
		if (cp == '\n') {
			text_push(lines, n, &cap, start, i - start);
			i += step;
			start = i, w = 0, brk = 0;
			continue;
		}
		cw = text_cp_cols(cp, w);
		if (w + cw > cols && i > start) {
			/* After the last space, or here for a long word. */
			if (brk > start) {
				text_push(lines, n, &cap, start, brk - start);
				i = start = brk;
			} else {
				text_push(lines, n, &cap, start, i - start);
				start = i;
			}
			w = 0, brk = 0;
			continue;
		}
		w += cw;
		i += step;
		if (cp == ' ' || cp == '\t')
			brk = i;
	}
	if (start < len || *n == 0)
		text_push(lines, n, &cap, start, len - start);
}

void
text_time(int64_t t, int narrow, char out[20])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, 20, narrow ? "%m-%d %H:%M" : "%Y-%m-%d %H:%M", &tm) ==
	        0)
		snprintf(out, 20, "?");
}
