/* bbs: ISC licence, see LICENSE. */
/* The ssh command line for a board's address (see sshline.h). */
#include <string.h>

#include "util/buf.h"
#include "util/sshline.h"

char *
sshline_format(
    const char *address, const char *opts, const char *user, const char *rest)
{
	struct buf b;
	const char *colon = strrchr(address, ':'), *close;
	size_t hostlen = strlen(address);
	const char *port = NULL;

	if (address[0] == '[' && (close = strchr(address, ']')) != NULL) {
		/* [V6] or [V6]:PORT */
		if (close[1] == ':')
			port = close + 2;
		address++;
		hostlen = (size_t)(close - address);
	} else if (colon != NULL && strchr(address, ':') == colon) {
		/* HOST:PORT; a bare IPv6 address has several colons */
		port = colon + 1;
		hostlen = (size_t)(colon - address);
	}
	buf_init(&b);
	buf_adds(&b, "ssh ");
	if (port != NULL && *port != '\0' && strcmp(port, "22") != 0)
		buf_printf(&b, "-p %s ", port);
	if (opts != NULL)
		buf_printf(&b, "%s ", opts);
	if (user != NULL)
		buf_printf(&b, "%s@", user);
	buf_add(&b, address, hostlen);
	if (rest != NULL)
		buf_printf(&b, " %s", rest);
	return buf_take(&b);
}
