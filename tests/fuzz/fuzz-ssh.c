/* bbs: ISC licence, see LICENSE. */
/*
 * libFuzzer target for the SSH layer: the input is everything a client
 * sends, from its banner on, written into one end of a socketpair; the
 * other end goes to session_handle() (bbs/server/session.c), which is
 * session_run() without its process: the same ssh_bind (serve_bind():
 * host key, SPEC section 3's algorithms, banner), the same server and
 * channel callbacks, the same login loop and limits. What the server
 * sends back is left unread (it fits the socket's buffer).
 *
 * Around it, no process is forked: the host key and secret.key are made
 * once by the real loaders in a temporary directory, which is removed
 * at once; the spawner's and the lookup process's sockets are each one
 * end of a socketpair whose other end is closed, so every question
 * fails at once, as a key the lookup process does not know does (the
 * session logs that it got no answer); there is no notify socket, as
 * for a member, and no login grace alarm (libFuzzer's timer stays).
 *
 * Its limit, like libssh's own server fuzzer: the key exchange is real
 * (curve25519, an Ed25519 host key, AEAD or encrypt-then-MAC ciphers),
 * so the fuzzer cannot know the keys, and every byte after the
 * client's NEWKEYS fails the MAC. It covers the banner, the binary
 * packet layer, KEXINIT parsing and algorithm negotiation, the client's
 * ECDH_INIT, NEWKEYS and whatever libssh accepts or refuses before
 * encryption (the messages that a client may not send unauthenticated:
 * CVE-2018-10933's filter). The authentication and channel callbacks
 * are wired as in bbs serve, but reached only by a harness that speaks
 * the encryption, which this one does not. Against Debian's libssh,
 * which is not instrumented, libFuzzer sees only bbs's own edges; for
 * feedback from inside libssh, link an instrumented build of it
 * (docs/HACKING.md, "Fuzzers").
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

#include "bbs/server/hostkey.h"
#include "bbs/server/serve.h"
#include "bbs/server/session.h"
#include "keys/keys.h"
#include "util/log.h"

/* What the socket's buffer takes before the server reads (see above). */
#define FUZZ_MAX 65536

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *fuzz_hostkey; /* the host key, as OpenSSH's file format */
static struct keys_secret *fuzz_secret;
static struct session_config fuzz_cfg;

/* One end of a socketpair whose other end is closed. */
static int
fuzz_dead_socket(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		abort();
	close(sv[1]);
	return sv[0];
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/fuzz-ssh.XXXXXX", *cause = NULL;
	ssh_key key = NULL;
	int dirfd;

	(void)argc, (void)argv;
	signal(SIGPIPE, SIG_IGN);
	log_init(
	    "fuzz-ssh", getenv("FUZZ_SSH_LOG") != NULL ? LOG_DEBUG : LOG_ERROR);
	if (keys_init() != 0 || ssh_init() != SSH_OK || mkdtemp(dir) == NULL ||
	    (dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		abort();
	if (hostkey_load(dirfd, "host.key", &key, &cause) != 0 ||
	    keys_secret_load(dirfd, "secret.key", 1, &fuzz_secret, &cause) !=
	        KEYS_OK ||
	    ssh_pki_export_privkey_base64(
	        key, NULL, NULL, NULL, &fuzz_hostkey) != SSH_OK) {
		fprintf(stderr, "fuzz-ssh: %s\n", cause ? cause : "no key");
		abort();
	}
	ssh_key_free(key);
	unlinkat(dirfd, "host.key", 0);
	unlinkat(dirfd, "secret.key", 0);
	close(dirfd);
	rmdir(dir);

	fuzz_cfg.secret = fuzz_secret;
	fuzz_cfg.spawn_sock = fuzz_dead_socket();
	fuzz_cfg.lookup_sock = fuzz_dead_socket();
	fuzz_cfg.login_grace = 0;
	fuzz_cfg.guest_idle = 1;
	fuzz_cfg.id = 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ssh_key key = NULL;
	int sv[2];

	if (size > FUZZ_MAX)
		return -1; /* not added to the corpus */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		abort();
	if (size > 0 && send(sv[1], data, size, 0) != (ssize_t)size)
		abort();
	/* The client has said all it will: the server reads end of file. */
	shutdown(sv[1], SHUT_WR);
	if (ssh_pki_import_privkey_base64(
	        fuzz_hostkey, NULL, NULL, NULL, &key) != SSH_OK)
		abort();
	session_handle(serve_bind(key), sv[0], -1, &fuzz_cfg);
	close(sv[1]);
	return 0;
}
