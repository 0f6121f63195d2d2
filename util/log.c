/* bbs: ISC licence, see LICENSE. */
/*
 * Logging: one line per message on stderr, "bbs[pid] tag: message". No
 * timestamps (the supervisor adds them) and no syslog. Not async-signal-safe:
 * a signal handler must never log.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"

static char log_tag[64] = "bbs";
static enum log_level log_level = LOG_INFO;

void
log_init(const char *tag, enum log_level level)
{
	snprintf(log_tag, sizeof log_tag, "%s", tag);
	log_level = level;
}

void
log_set_tag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(log_tag, sizeof log_tag, fmt, ap);
	va_end(ap);
}

static void __attribute__((format(printf, 2, 0))) log_vwrite(
    enum log_level level, const char *fmt, va_list ap, const char *suffix)
{
	static const char *names[] = { "error", "warn", "info", "debug" };
	char msg[1024];

	if (level > log_level)
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	fprintf(stderr, "bbs[%ld] %s: %s%s%s%s\n", (long)getpid(), log_tag,
	    level == LOG_INFO ? "" : names[level],
	    level == LOG_INFO ? "" : ": ", msg, suffix);
	fflush(stderr);
}

#define LOG_FUNC(name, level)                                                  \
	void name(const char *fmt, ...)                                        \
	{                                                                      \
		va_list ap;                                                    \
		va_start(ap, fmt);                                             \
		log_vwrite(level, fmt, ap, "");                                \
		va_end(ap);                                                    \
	}

LOG_FUNC(log_debug, LOG_DEBUG)
LOG_FUNC(log_info, LOG_INFO)
LOG_FUNC(log_warn, LOG_WARN)
LOG_FUNC(log_error, LOG_ERROR)

void
fatal(const char *fmt, ...)
{
	char suffix[256];
	va_list ap;

	snprintf(suffix, sizeof suffix, ": %s", strerror(errno));
	va_start(ap, fmt);
	log_vwrite(LOG_ERROR, fmt, ap, suffix);
	va_end(ap);
	exit(70);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_ERROR, fmt, ap, "");
	va_end(ap);
	exit(70);
}

const char *
log_escape(const char *s, size_t len)
{
	static char out[256];
	size_t i, o = 0;

	for (i = 0; i < len && s[i] != '\0' && o + 5 < sizeof out; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(
			    out + o, sizeof out - o, "\\x%02x", c);
	}
	out[o] = '\0';
	return out;
}
