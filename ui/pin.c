/* bbs: ISC licence, see LICENSE. */
/*
 * The parts of the pin board both its views use (see pin.h): a pin's
 * tags as text, and its discussion thread, which the store starts on the
 * board "pins" the first time it is asked for.
 */
#include <stdlib.h>

#include "store/pins.h"
#include "ui/pin.h"
#include "ui/ui-int.h"
#include "util/buf.h"

void
ui_pin_tags(const char *tags, struct buf *b)
{
	for (buf_addc(b, '#'); *tags != '\0'; tags++)
		buf_adds(b, *tags == ' ' ? " #" : (char[]){ *tags, '\0' });
}

void
ui_pin_changed(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->depth; i++) {
		if (ui->stack[i].view->reload != NULL)
			ui->stack[i].view->reload(ui, ui->stack[i].state);
	}
}

void
ui_pin_discuss(struct ui *ui, int64_t pin)
{
	char *cause = NULL;
	int64_t thread;
	int created;

	if (store_pin_thread(ui->st, ui->me->id, pin, &thread, &created,
	        &cause) != STORE_OK) {
		ui_message(ui, "%s",
		    cause != NULL ? cause : "cannot open the discussion");
		free(cause);
		return;
	}
	if (created) {
		ui_pin_changed(ui);
		ui_message(
		    ui, "started the discussion of pin #%lld", (long long)pin);
	}
	/* The thread in the pager, where it can be read and replied to. */
	ui_goto(ui, thread, 0, 0);
}
