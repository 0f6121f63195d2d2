/* bbs: ISC licence, see LICENSE. */
/*
 * Allocation that never returns NULL: out of memory is fatal (tmux and
 * OpenSSH xmalloc.c). Asking for zero bytes is a programmer error.
 */
#ifndef UTIL_XMALLOC_H
#define UTIL_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
int xasprintf(char **out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
