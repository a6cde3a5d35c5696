// A fake `wp` (plus `php` and `sleep`) for testing the setup script's control flow: plain sh that
// keeps WordPress's state as files in $FAKE_WP_STATE and logs every call and every write.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAKE_WP = String.raw`#!/bin/sh
set -eu
S="$FAKE_WP_STATE"
echo "$*" >> "$S/calls"
write() { echo "$*" >> "$S/writes"; }
fail() { echo "Error: $*" >&2; exit 1; }
if [ -f "$S/fail_once" ] && [ "$(cat "$S/fail_once")" = "$1 $2 ${'$'}{3:-}" ]; then
  rm "$S/fail_once"; fail "injected failure in $1 $2 ${'$'}{3:-}"
fi
flag() { # value of --name=value among the args
  name="$1"; shift
  for a in "$@"; do case "$a" in --"$name"=*) echo "${'$'}{a#--"$name"=}"; return 0;; esac; done
  return 1
}
positional() { # n-th argument that is not a --flag
  n="$1"; shift; i=0
  for a in "$@"; do case "$a" in --*) ;; *) i=$((i + 1)); [ "$i" = "$n" ] && { echo "$a"; return 0; };; esac; done
  return 1
}
new_id() { id=$(( $(cat "$S/next_id" 2>/dev/null || echo 10) + 1 )); echo "$id" > "$S/next_id"; echo "$id"; }
need_user() { flag user "$@" >/dev/null || fail "Sorry, you are not allowed to do that (no --user)"; }
cmd="$1 $2"
case "$cmd" in
  "core is-installed") [ -f "$S/installed" ]; exit $? ;;
  "core install")
    [ -f "$S/installed" ] && { echo "WordPress is already installed."; exit 0; }
    for f in url title admin_user admin_email; do flag "$f" "$@" >/dev/null || fail "missing --$f"; done
    [ "$(flag prompt "$@")" = admin_password ] || fail "expected --prompt=admin_password"
    IFS= read -r pass || true
    [ -n "$pass" ] || fail "empty admin password"
    printf '%s' "$pass" > "$S/admin_password"; flag admin_user "$@" > "$S/admin_user"
    flag title "$@" > "$S/opt_blogname"; printf '' > "$S/opt_permalink_structure"
    touch "$S/installed"; write "core install"; exit 0 ;;
esac
[ -f "$S/installed" ] || fail "The site you have requested is not installed."
case "$cmd" in
  "plugin is-installed") [ -f "$S/plugin_installed" ] ;;
  "plugin is-active") [ -f "$S/plugin_active" ] ;;
  "plugin install") flag version "$@" > "$S/plugin_installed"; write "plugin install $(positional 3 "$@") $(cat "$S/plugin_installed")" ;;
  "plugin activate")
    [ -f "$S/plugin_installed" ] || fail "plugin not installed"
    touch "$S/plugin_active"; echo 1 > "$S/transient__wc_activation_redirect"
    [ -f "$S/opt_woocommerce_coming_soon" ] || echo yes > "$S/opt_woocommerce_coming_soon"
    write "plugin activate" ;;
  "option get") k=$(positional 3 "$@"); [ -f "$S/opt_$k" ] || fail "Could not get '$k' option. Does it exist?"; cat "$S/opt_$k" ;;
  "option update") k=$(positional 3 "$@"); positional 4 "$@" > "$S/opt_$k"; write "option update $k" ;;
  "option pluck")
    k=$(positional 3 "$@"); [ -f "$S/opt_$k" ] || fail "Could not get '$k' option."
    sed -n 's/.*"'"$(positional 4 "$@")"'":"\([^"]*\)".*/\1/p' "$S/opt_$k" ;;
  "rewrite structure") positional 3 "$@" > "$S/opt_permalink_structure"; write "rewrite structure" ;;
  "rewrite flush") write "rewrite flush" ;;
  "post get") id=$(positional 3 "$@"); [ -f "$S/post_$id" ] || fail "Could not find the post with ID $id."; cat "$S/post_$id" ;;
  "post list")
    title=$(flag title "$@"); ids=""
    for f in "$S"/product_*; do [ -f "$f" ] || continue
      [ "$(cat "$f")" = "$title" ] && ids="$ids ${'$'}{f##*_}"; done
    echo "${'$'}{ids# }" ;;
  "wc tool")
    need_user "$@"; [ "$(positional 4 "$@")" = install_pages ] || fail "unknown tool"
    for p in shop cart checkout myaccount; do
      id=$(cat "$S/opt_woocommerce_${'$'}{p}_page_id" 2>/dev/null || echo 0)
      if [ ! -f "$S/post_$id" ]; then id=$(new_id); echo publish > "$S/post_$id"; echo "$id" > "$S/opt_woocommerce_${'$'}{p}_page_id"; fi
    done
    write "wc tool run install_pages" ;;
  "wc product")
    need_user "$@"; [ "$3" = create ] || fail "unknown wc product subcommand"
    id=$(new_id); flag name "$@" > "$S/product_$id"; flag regular_price "$@" > "$S/price_$id"
    flag virtual "$@" > "$S/virtual_$id"; write "wc product create"; echo "$id" ;;
  "transient get") k=$(positional 3 "$@"); if [ -f "$S/transient_$k" ]; then cat "$S/transient_$k"; else echo "Warning: Transient with key \"$k\" is not set." >&2; fi ;;
  "transient delete") rm -f "$S/transient_$(positional 3 "$@")"; write "transient delete" ;;
  "eval "*)
    [ -n "$WP_ADMIN_PASSWORD" ] || fail "no password in env"
    [ "$(cat "$S/admin_user")" = "$WP_ADMIN_USER" ] || fail "admin user not found"
    case "$2" in
      *wp_check_password*) [ "$(cat "$S/admin_password")" = "$WP_ADMIN_PASSWORD" ]; exit $? ;;
      *wp_set_password*) printf '%s' "$WP_ADMIN_PASSWORD" > "$S/admin_password"; write "eval set password"; echo "Success: admin password updated" ;;
      *) fail "fake wp eval does not know this code" ;;
    esac ;;
  *) echo "fake wp does not know: $*" >&2; exit 2 ;;
esac
`;

// Fails while $FAKE_WP_STATE/db_down holds a positive count (the database is still starting).
const FAKE_PHP = String.raw`#!/bin/sh
S="$FAKE_WP_STATE"
[ -n "${'$'}{WORDPRESS_DB_HOST:-}" ] || exit 3
n=$(cat "$S/db_down" 2>/dev/null || echo 0)
if [ "$n" -gt 0 ]; then echo $((n - 1)) > "$S/db_down"; exit 1; fi
exit 0
`;

const FAKE_SLEEP = String.raw`#!/bin/sh
echo "$1" >> "$FAKE_WP_STATE/sleeps"
`;

export interface FakeSite {
  state: string;
  run(
    script: string,
    env?: Record<string, string>,
  ): { status: number | null; stdout: string; stderr: string };
  read(name: string): string | null;
  lines(name: string): string[];
  products(): { name: string; price: string; virtual: string }[];
  set(name: string, value: string): void;
}

export const SITE_ENV = {
  WP_URL: 'http://corner-shop.localhost',
  WP_TITLE: "Corner Shop 'n' Co",
  WP_ADMIN_USER: 'admin',
  WP_ADMIN_EMAIL: 'owner@example.com',
  WP_ADMIN_PASSWORD: 's3cret-From-the-Secret',
  WOOCOMMERCE_VERSION: '10.7.0',
  WORDPRESS_DB_HOST: 'mysql',
  WORDPRESS_DB_USER: 'wordpress',
  WORDPRESS_DB_PASSWORD: 'db-pass',
  WORDPRESS_DB_NAME: 'wordpress',
};

export function makeFakeSite(options: { withConfig?: boolean } = {}): FakeSite {
  const root = mkdtempSync(join(tmpdir(), 'fake-wp-'));
  const bin = join(root, 'bin');
  const site = join(root, 'html');
  const state = join(root, 'state');
  for (const dir of [bin, site, state]) mkdirSync(dir);
  for (const [name, body] of [
    ['wp', FAKE_WP],
    ['php', FAKE_PHP],
    ['sleep', FAKE_SLEEP],
  ] as const) {
    writeFileSync(join(bin, name), body);
    chmodSync(join(bin, name), 0o755);
  }
  if (options.withConfig !== false) writeFileSync(join(site, 'wp-config.php'), '<?php // fake\n');
  const read = (name: string): string | null =>
    existsSync(join(state, name)) ? readFileSync(join(state, name), 'utf8') : null;
  return {
    state,
    run(script, env = {}) {
      const result = spawnSync('sh', ['-c', script], {
        env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_WP_STATE: state, WP_PATH: site, ...SITE_ENV, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    read,
    lines: (name) => (read(name) ?? '').split('\n').filter((line) => line !== ''),
    products: () =>
      readdirSync(state)
        .filter((f) => f.startsWith('product_'))
        .map((f) => {
          const id = f.slice('product_'.length);
          return {
            name: read(f)!.trim(),
            price: read(`price_${id}`)!.trim(),
            virtual: read(`virtual_${id}`)!.trim(),
          };
        }),
    set: (name, value) => writeFileSync(join(state, name), value),
  };
}
