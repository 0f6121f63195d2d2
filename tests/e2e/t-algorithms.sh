#!/bin/sh
# The algorithms the server offers are exactly SPEC section 3's lists, read
# from its KEXINIT as OpenSSH prints it (ssh -vv), and a client that asks
# only for finite-field Diffie-Hellman is refused before the server does
# any of that work (issue 12, item 6: group18 cost the server 115 ms of CPU
# per unauthenticated connection, group16 18 ms, curve25519 1.5 ms).
. "$E2E_DIR/lib.sh"

member alice
start_server

ssh -vv -F "$T/ssh_config" -i "$T/alice" bbs whoami 2>&1 | tr -d '\r' |
	sed -n '/peer server KEXINIT proposal/,/compression stoc/p' >"$T/kexinit"
offers() {
	[ "$(sed -n "s/^debug2: $1: //p" "$T/kexinit")" = "$2" ]
}
# libssh appends kex-strict-s-v00@openssh.com (strict key exchange, the
# Terrapin countermeasure): a marker, not an algorithm.
check "key exchange: curve25519 only" offers 'KEX algorithms' \
	'curve25519-sha256,curve25519-sha256@libssh.org,kex-strict-s-v00@openssh.com'
check "host key: ssh-ed25519 only" offers 'host key algorithms' ssh-ed25519
ciphers=chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr
check "ciphers, client to server" offers 'ciphers ctos' "$ciphers"
check "ciphers, server to client" offers 'ciphers stoc' "$ciphers"
macs=hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com
check "MACs, client to server" offers 'MACs ctos' "$macs"
check "MACs, server to client" offers 'MACs stoc' "$macs"

for kex in diffie-hellman-group14-sha256 diffie-hellman-group16-sha512 \
	diffie-hellman-group18-sha512; do
	as alice -o LogLevel=INFO -o KexAlgorithms=$kex whoami >"$T/out" 2>&1
	rc=$?
	check "a client offering only $kex is refused" [ "$rc" -eq 255 ]
	check "... at the key exchange" \
		grep -q 'no matching key exchange method found' "$T/out"
done
check "curve25519 still logs in" [ "$(as alice whoami)" = "alice member" ]
stop_server
