/* bbs: ISC licence, see LICENSE. */
/*
 * A form of one-line text fields (ui/form.c), pushed as a view over the
 * one that asked for it. Tab, Down and Enter move to the next field and
 * Enter on the last one sends; Shift-Tab and Up move back; Ctrl-D sends
 * from any field; Esc, Ctrl-C or Ctrl-G abandon. Within a field: Left,
 * Right, Home, End, Ctrl-A, Ctrl-E, Backspace, Delete, Ctrl-U, Ctrl-K,
 * Ctrl-W. A field longer than its place scrolls sideways. Every character
 * is drawn through ui_draw_text(); controls cannot be typed in.
 */
#ifndef UI_FORM_H
#define UI_FORM_H

#include <stddef.h>

struct ui;

#define UI_FORM_FIELDS_MAX 8

struct ui_form_field {
	const char *label; /* static: "URL" */
	const char *hint;  /* static: shown while the field has focus */
	const char *value; /* what it starts with, or NULL; copied */
	size_t max;        /* bytes it may hold */
};

struct ui_form_spec {
	const char *title; /* copied */
	const struct ui_form_field *fields;
	size_t nfields; /* 1 to UI_FORM_FIELDS_MAX */
	/*
	 * Called with each field's text when the member sends. Returns 0 to
	 * close the form; anything else keeps it open, the callback having
	 * said why with ui_message(). It must not push or pop views.
	 */
	int (*submit)(struct ui *ui, void *arg, char *const *values);
	void *arg; /* the caller's, alive while the form is open */
};

/* Pushes the form; 0, or -1 if it could not be opened. */
int ui_form_open(struct ui *ui, const struct ui_form_spec *spec);

#endif
