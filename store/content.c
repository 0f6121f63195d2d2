/* bbs: ISC licence, see LICENSE. */
/*
 * Content rules (SPEC section 6): what a name, a title or a body may be,
 * and how member text is normalised before it is stored. Invalid UTF-8 is
 * refused, never repaired; controls and bidi overrides are removed, so
 * stored text holds no byte that could start an escape sequence or
 * reorder a line around it.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "store/store-int.h"
#include "util/buf.h"
#include "util/utf8.h"

static int
name_check(
    const char *what, const char *name, size_t min, size_t max, char **cause)
{
	size_t i, len = strlen(name);

	if (len < min || len > max) {
		store_cause(
		    cause, "%s must be %zu to %zu characters", what, min, max);
		return STORE_ERR_INVALID;
	}
	for (i = 0; i < len; i++) {
		if (!isascii((unsigned char)name[i]) ||
		    (!isalnum((unsigned char)name[i]) && name[i] != '_' &&
		        name[i] != '-')) {
			store_cause(
			    cause, "%s may hold only A-Z a-z 0-9 _ -", what);
			return STORE_ERR_INVALID;
		}
	}
	return STORE_OK;
}

int
store_pseudonym_check(const char *name, char **cause)
{
	int r;

	if ((r = name_check("a pseudonym", name, 2, 24, cause)) != STORE_OK)
		return r;
	/* The log names the console and erased members so: nobody else. */
	if (strcasecmp(name, STORE_ACTOR_CONSOLE) == 0 ||
	    strcasecmp(name, STORE_ACTOR_ANONYMOUS) == 0) {
		store_cause(cause,
		    "'%s' is reserved: the moderation log uses it", name);
		return STORE_ERR_INVALID;
	}
	/* The SSH user name of everyone without a key, and the guest bar. */
	if (strcasecmp(name, "guest") == 0) {
		store_cause(
		    cause, "'%s' is reserved: it is who has no key", name);
		return STORE_ERR_INVALID;
	}
	return STORE_OK;
}

int
store_board_name_check(const char *name, char **cause)
{
	int r;

	if ((r = name_check("a board name", name, 1, 32, cause)) != 0)
		return r;
	if (!isalnum((unsigned char)name[0])) {
		store_cause(
		    cause, "a board name starts with a letter or digit");
		return STORE_ERR_INVALID;
	}
	return STORE_OK;
}

/*
 * Copies the len bytes of in, which must be valid UTF-8, into b without
 * controls: CR and NUL go (so CRLF becomes LF), newlines and tabs stay
 * if keep_nl and keep_tab say so and otherwise become spaces. Bidi
 * embedding and override characters go too: the terminal paths drop them
 * anyway, and JSON would carry them raw to whatever shows it.
 */
static int
text_copy(struct buf *b, const char *in, size_t len, int keep_nl, int keep_tab)
{
	uint32_t cp;
	size_t i = 0;
	int n;

	if (!utf8_valid(in, len))
		return -1;
	while (i < len) {
		n = utf8_decode(in + i, len - i, &cp);
		if (cp == '\n' || cp == '\t') {
			if ((cp == '\n' && keep_nl) || (cp == '\t' && keep_tab))
				buf_addc(b, (char)cp);
			else
				buf_addc(b, ' ');
		} else if (!utf8_is_unsafe(cp))
			buf_add(b, in + i, (size_t)n);
		i += (size_t)n;
	}
	return 0;
}

int
store_text_body(const char *in, size_t len, size_t max, const char *what,
    char **out, char **cause)
{
	struct buf b;
	size_t i;
	int r = STORE_ERR_INVALID;

	*out = NULL;
	buf_init(&b);
	if (text_copy(&b, in, len, 1, 1) != 0) {
		store_cause(cause, "%s is not valid UTF-8 text", what);
		goto out;
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.len--;
	/* Blanks alone are empty too, as a title of spaces is. */
	for (i = 0; i < b.len && (b.data[i] == ' ' || b.data[i] == '\t' ||
	                             b.data[i] == '\n');
	     i++)
		;
	if (i == b.len) {
		store_cause(cause, "%s is empty", what);
		goto out;
	}
	if (b.len > max) {
		store_cause(cause, "%s is too large (%zu bytes, at most %zu)",
		    what, b.len, max);
		goto out;
	}
	b.data[b.len] = '\0';
	*out = buf_take(&b);
	r = STORE_OK;
out:
	buf_free(&b);
	return r;
}

int
store_text_line(const char *in, size_t max, int allow_empty, const char *what,
    char **out, char **cause)
{
	struct buf b;
	size_t start = 0, n;
	int r = STORE_ERR_INVALID;

	*out = NULL;
	buf_init(&b);
	if (text_copy(&b, in, strlen(in), 0, 0) != 0) {
		store_cause(cause, "%s is not valid UTF-8 text", what);
		goto out;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	while (start < b.len && b.data[start] == ' ')
		start++;
	if (b.len == start && !allow_empty) {
		store_cause(cause, "%s is empty", what);
		goto out;
	}
	if (b.data != NULL)
		b.data[b.len] = '\0';
	*out = xstrdup(b.data == NULL ? "" : b.data + start);
	if ((n = utf8_count(*out)) > max) {
		store_cause(cause,
		    "%s is too long (%zu characters, at most %zu)", what, n,
		    max);
		free(*out);
		*out = NULL;
		goto out;
	}
	r = STORE_OK;
out:
	buf_free(&b);
	return r;
}

int
store_reason_normalise(
    const char *reason, int required, char **out, char **cause)
{
	return store_text_line(reason == NULL ? "" : reason, STORE_REASON_MAX,
	    !required, "the reason", out, cause);
}
