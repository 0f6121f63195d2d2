/* bbs: ISC licence, see LICENSE. */
/*
 * The one argument parser for every command, local or over SSH: long
 * options only ("--name value" or "--name=value"), "--" ends the options,
 * everything else is positional in order. "--help" is always known.
 */
#ifndef BBS_ARGS_H
#define BBS_ARGS_H

#include <stddef.h>

#define ARGS_VALUE 0x1 /* the option takes a value */
#define ARGS_MULTI 0x2 /* the option may be given more than once */

struct args_opt {
	const char *name; /* without the leading "--" */
	int flags;
};

struct args;

/*
 * Parses argc words of argv against opts (terminated by a NULL name). On
 * error returns -1 with *cause: an unknown option, a missing value, a
 * value given to a flag, or a repeated single option. *out is the caller's,
 * freed with args_free().
 */
int args_parse(const struct args_opt *opts, int argc, char *const *argv,
    struct args **out, char **cause);
void args_free(struct args *a);

/* 1 if the option was given. */
int args_has(const struct args *a, const char *name);
/* The option's value (the last one given), or NULL. */
const char *args_get(const struct args *a, const char *name);
/* Every value of a ARGS_MULTI option, in order: *out borrowed from a. */
size_t args_get_all(
    const struct args *a, const char *name, const char *const **out);
size_t args_count(const struct args *a);
/* Positional word i (0-based), borrowed from a. */
const char *args_pos(const struct args *a, size_t i);

#endif
