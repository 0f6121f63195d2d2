/* bbs: ISC licence, see LICENSE. */
/*
 * OSC 8 hyperlinks (ESC ] 8 ; params ; URI ST). ncurses knows nothing of
 * them, so a view draws the link's text through ui_draw_text() like any
 * other text, and after doupdate() the same characters are written again
 * at the same cells, wrapped in OSC 8: the screen ncurses believes in is
 * what the terminal shows, only now clickable. The cursor and attributes
 * are saved and restored around it (DECSC, DECRC).
 *
 * Nothing here can carry an escape sequence a member wrote: the URL and
 * the text are refused unless every byte is printable ASCII, and the
 * store only keeps URLs without control characters (store/url.h).
 */
#include <string.h>

#include "ui/link.h"

int
ui_link_supported(const char *term)
{
	static const char *const prefixes[] = { "xterm", "tmux", "screen",
		"alacritty", "foot", "kitty", "wezterm", "vte", "konsole",
		"contour", "ghostty", "mintty", NULL };
	size_t i, n;

	if (term == NULL)
		return 0;
	for (i = 0; prefixes[i] != NULL; i++) {
		n = strlen(prefixes[i]);
		if (strncmp(term, prefixes[i], n) == 0 &&
		    (term[n] == '\0' || term[n] == '-' || term[n] == '.'))
			return 1;
	}
	return 0;
}

/* Every byte of s (len of them) in lo..0x7e. */
static int
link_ascii(const char *s, size_t len, unsigned char lo)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < lo || (unsigned char)s[i] > 0x7e)
			return 0;
	}
	return 1;
}

int
ui_link_write(FILE *out, int y, int x, const char *id, const char *url,
    const char *text, size_t len)
{
	if (y < 0 || x < 0 || *url == '\0' ||
	    !link_ascii(url, strlen(url), 0x21) ||
	    !link_ascii(text, len, 0x20) ||
	    strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	               "0123456789-") != strlen(id))
		return -1;
	fprintf(out,
	    "\0337\033[%d;%dH\033[0m\033]8;id=%s;%s\033\\%.*s"
	    "\033]8;;\033\\\0338",
	    y + 1, x + 1, id, url, (int)len, text);
	fflush(out);
	return 0;
}
