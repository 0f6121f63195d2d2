/* bbs: ISC licence, see LICENSE. */
/*
 * The command-line word splitter. A small state machine over the bytes of
 * the line; the bytes themselves are never interpreted beyond quoting, and
 * the words are handed to the command table, never to a shell.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/words.h"
#include "util/buf.h"
#include "util/xmalloc.h"

enum words_state { W_BLANK, W_WORD, W_SINGLE, W_DOUBLE };

static void
words_push(char ***argv, int *argc, struct buf *w)
{
	*argv = xreallocarray(*argv, (size_t)*argc + 2, sizeof **argv);
	(*argv)[(*argc)++] = buf_take(w);
	(*argv)[*argc] = NULL;
}

int
words_split(const char *line, char ***argv, int *argc, char **cause)
{
	enum words_state state = W_BLANK;
	struct buf w;
	const char *p;
	char **v = NULL;
	int n = 0;

	*argv = NULL;
	*argc = 0;
	*cause = NULL;
	if (strlen(line) > WORDS_LINE_MAX) {
		xasprintf(
		    cause, "command line longer than %d bytes", WORDS_LINE_MAX);
		return -1;
	}
	buf_init(&w);
	for (p = line; *p != '\0'; p++) {
		switch (state) {
		case W_BLANK:
			if (*p == ' ' || *p == '\t' || *p == '\n')
				continue;
			state = W_WORD;
			/* FALLTHROUGH */
		case W_WORD:
			if (*p == ' ' || *p == '\t' || *p == '\n') {
				if (n == WORDS_MAX)
					goto too_many;
				words_push(&v, &n, &w);
				state = W_BLANK;
			} else if (*p == '\'')
				state = W_SINGLE;
			else if (*p == '"')
				state = W_DOUBLE;
			else if (*p == '\\') {
				if (p[1] == '\0')
					goto dangling;
				if (*++p != '\n')
					buf_addc(&w, *p);
			} else
				buf_addc(&w, *p);
			break;
		case W_SINGLE:
			if (*p == '\'')
				state = W_WORD;
			else
				buf_addc(&w, *p);
			break;
		case W_DOUBLE:
			if (*p == '"')
				state = W_WORD;
			else if (*p == '\\' && p[1] != '\0' &&
			         strchr("$`\"\\\n", p[1]) != NULL) {
				if (*++p != '\n')
					buf_addc(&w, *p);
			} else
				buf_addc(&w, *p);
			break;
		}
	}
	if (state == W_SINGLE || state == W_DOUBLE) {
		xasprintf(cause, "unterminated %s quote",
		    state == W_SINGLE ? "single" : "double");
		goto fail;
	}
	if (state == W_WORD) {
		if (n == WORDS_MAX)
			goto too_many;
		words_push(&v, &n, &w);
	}
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	*argv = v;
	*argc = n;
	buf_free(&w);
	return 0;
dangling:
	xasprintf(cause, "backslash at the end of the line");
	goto fail;
too_many:
	xasprintf(cause, "more than %d words", WORDS_MAX);
fail:
	buf_free(&w);
	words_free(v);
	return -1;
}

void
words_free(char **argv)
{
	char **p;

	if (argv == NULL)
		return;
	for (p = argv; *p != NULL; p++)
		free(*p);
	free(argv);
}
