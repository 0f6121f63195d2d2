/* bbs: ISC licence, see LICENSE. */
/*
 * Logging to stderr for every layer. The caller that handles an error logs
 * it, once; lower layers report by return value and at most log_debug().
 * Never pass member text, user names, keys or addresses as the format, and
 * escape untrusted bytes with log_escape() before they reach a log line.
 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

#include <stddef.h>

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

#define LOG_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Sets the process tag (e.g. "serve", "session 12") and the level. */
void log_init(const char *tag, enum log_level level);
void log_set_tag(const char *fmt, ...) LOG_PRINTF(1, 2);

void log_debug(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_info(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_warn(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_error(const char *fmt, ...) LOG_PRINTF(1, 2);

/* Log and exit(70): fatal() adds strerror(errno), fatalx() does not. */
void fatal(const char *fmt, ...) LOG_PRINTF(1, 2) __attribute__((noreturn));
void fatalx(const char *fmt, ...) LOG_PRINTF(1, 2) __attribute__((noreturn));

/*
 * Copies at most len bytes of s into a static buffer with every byte that is
 * not printable ASCII written as \xNN. Borrowed until the next call.
 */
const char *log_escape(const char *s, size_t len);

#endif
