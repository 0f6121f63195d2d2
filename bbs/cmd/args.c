/* bbs: ISC licence, see LICENSE. */
/* The argument parser: see args.h for the grammar. */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/args.h"
#include "util/xmalloc.h"

struct args_value {
	const char *name;
	const char **values; /* NULL-terminated; each borrowed from argv */
	size_t n;
};

struct args {
	struct args_value *opts; /* one per option given, in opts[] order */
	size_t nopts;
	const char **pos;
	size_t npos;
};

static const struct args_opt args_help = { "help", 0 };

static const struct args_opt *
args_find(const struct args_opt *opts, const char *name, size_t len)
{
	const struct args_opt *o;

	if (len == strlen(args_help.name) &&
	    strncmp(name, args_help.name, len) == 0)
		return &args_help;
	for (o = opts; o != NULL && o->name != NULL; o++) {
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	}
	return NULL;
}

static struct args_value *
args_slot(struct args *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->nopts; i++) {
		if (strcmp(a->opts[i].name, name) == 0)
			return &a->opts[i];
	}
	a->opts = xreallocarray(a->opts, a->nopts + 1, sizeof *a->opts);
	a->opts[a->nopts] = (struct args_value){ name, NULL, 0 };
	return &a->opts[a->nopts++];
}

static int
args_add(
    struct args *a, const struct args_opt *o, const char *value, char **cause)
{
	struct args_value *v = args_slot(a, o->name);

	if (v->n > 0 && !(o->flags & ARGS_MULTI)) {
		xasprintf(cause, "--%s given twice", o->name);
		return -1;
	}
	v->values = xreallocarray(v->values, v->n + 2, sizeof *v->values);
	v->values[v->n++] = value;
	v->values[v->n] = NULL;
	return 0;
}

/* Handles argv[*i], an option; may consume the next word as its value. */
static int
args_option(struct args *a, const struct args_opt *opts, int argc,
    char *const *argv, int *i, char **cause)
{
	const char *word = argv[*i] + 2, *eq = strchr(word, '=');
	size_t len = eq != NULL ? (size_t)(eq - word) : strlen(word);
	const struct args_opt *o = args_find(opts, word, len);

	if (o == NULL) {
		xasprintf(cause, "unknown option '--%.*s'", (int)len, word);
		return -1;
	}
	if (!(o->flags & ARGS_VALUE)) {
		if (eq != NULL) {
			xasprintf(cause, "--%s takes no value", o->name);
			return -1;
		}
		return args_add(a, o, "", cause);
	}
	if (eq != NULL)
		return args_add(a, o, eq + 1, cause);
	if (*i + 1 >= argc) {
		xasprintf(cause, "--%s needs a value", o->name);
		return -1;
	}
	return args_add(a, o, argv[++*i], cause);
}

int
args_parse(const struct args_opt *opts, int argc, char *const *argv,
    struct args **out, char **cause)
{
	struct args *a;
	int i, only_pos = 0;

	*out = NULL;
	*cause = NULL;
	a = xcalloc(1, sizeof *a);
	for (i = 0; i < argc; i++) {
		if (!only_pos && strcmp(argv[i], "--") == 0)
			only_pos = 1;
		else if (!only_pos && strncmp(argv[i], "--", 2) == 0) {
			if (args_option(a, opts, argc, argv, &i, cause) != 0) {
				args_free(a);
				return -1;
			}
		} else if (!only_pos && argv[i][0] == '-' &&
		           argv[i][1] != '\0') {
			xasprintf(cause, "unknown option '%s'", argv[i]);
			args_free(a);
			return -1;
		} else {
			a->pos =
			    xreallocarray(a->pos, a->npos + 1, sizeof *a->pos);
			a->pos[a->npos++] = argv[i];
		}
	}
	*out = a;
	return 0;
}

void
args_free(struct args *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nopts; i++)
		free(a->opts[i].values);
	free(a->opts);
	free(a->pos);
	free(a);
}

static const struct args_value *
args_lookup(const struct args *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->nopts; i++) {
		if (strcmp(a->opts[i].name, name) == 0)
			return &a->opts[i];
	}
	return NULL;
}

int
args_has(const struct args *a, const char *name)
{
	return args_lookup(a, name) != NULL;
}

const char *
args_get(const struct args *a, const char *name)
{
	const struct args_value *v = args_lookup(a, name);

	return v == NULL ? NULL : v->values[v->n - 1];
}

size_t
args_get_all(const struct args *a, const char *name, const char *const **out)
{
	const struct args_value *v = args_lookup(a, name);

	*out = v == NULL ? NULL : v->values;
	return v == NULL ? 0 : v->n;
}

size_t
args_count(const struct args *a)
{
	return a->npos;
}

const char *
args_pos(const struct args *a, size_t i)
{
	return i < a->npos ? a->pos[i] : NULL;
}
