/* bbs: ISC licence, see LICENSE. */
/* A growable byte buffer; always NUL-terminated after the data for C use. */
#ifndef UTIL_BUF_H
#define UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char *data; /* NULL until the first add */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t len);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_add_cp(struct buf *b, uint32_t cp);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Drops the first n bytes. */
void buf_consume(struct buf *b, size_t n);
/* Returns the data as a NUL-terminated string the caller frees; b is reset. */
char *buf_take(struct buf *b);

#endif
