/* bbs: ISC licence, see LICENSE. */
/*
 * UTF-8 decoding and the one rule for what may reach a terminal. Storage
 * validates with utf8_valid() and strips controls; every path that writes
 * member text to a terminal (the ncurses UI and the exec commands) asks
 * utf8_is_unsafe() per code point or uses utf8_sanitize(). Knows nothing of
 * terminals beyond that.
 */
#ifndef UTIL_UTF8_H
#define UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xfffd

/*
 * Decodes one code point of s (len > 0 bytes available). Returns the number
 * of bytes it used, 1 to 4. Invalid input (a bad lead or continuation byte,
 * an overlong form, a surrogate, > U+10FFFF, a truncated sequence) returns
 * -1 and sets *cp to U+FFFD: the caller skips one byte.
 */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (4 bytes room); returns the length, 0 if invalid. */
int utf8_encode(uint32_t cp, char *out);

/* 1 if the len bytes of s are valid UTF-8 (NUL included), else 0. */
int utf8_valid(const char *s, size_t len);

/* Number of code points in the NUL-terminated valid UTF-8 string s. */
size_t utf8_count(const char *s);

/* C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F). */
int utf8_is_control(uint32_t cp);

/*
 * Bidi embedding, override, isolate and mark characters (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069), line and paragraph separators
 * and interlinear annotation marks: they rearrange or restyle text around
 * them on a terminal, so drawing neutralises them.
 */
int utf8_is_bidi(uint32_t cp);

/*
 * A code point that must never reach a terminal as itself: a control
 * (including ESC, so no escape sequence can start) or a bidi character.
 * Newline and tab are controls; callers that lay out text handle them
 * before asking.
 */
int utf8_is_unsafe(uint32_t cp);

#define UTF8_KEEP_NL 0x1  /* keep '\n' */
#define UTF8_KEEP_TAB 0x2 /* keep '\t' (else it becomes a space) */

/*
 * Returns a copy of the len bytes of s that is safe to write to a terminal:
 * invalid bytes become U+FFFD, tabs and newlines are kept or turned into
 * spaces as flags say, bidi characters are dropped and every other control
 * becomes '?'. The caller frees the result.
 */
char *utf8_sanitize(const char *s, size_t len, int flags);

#endif
