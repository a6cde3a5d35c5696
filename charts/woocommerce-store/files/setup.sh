set -eu
cd "${WP_PATH:-/var/www/html}"

log() { printf 'storedeck: %s\n' "$*"; }

# wait_for MESSAGE COMMAND...: runs COMMAND every 2 s until it succeeds; after 90 tries (3 minutes)
# logs MESSAGE and fails the Job.
wait_for() {
  message=$1
  shift
  tries=0
  until "$@"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 90 ]; then
      log "$message"
      exit 1
    fi
    sleep 2
  done
}

wait_for "wp-config.php never appeared in $PWD (is the WordPress pod running?)" test -f wp-config.php

# shellcheck disable=SC2016
DB_CHECK='mysqli_report(MYSQLI_REPORT_OFF); $h = explode(":", getenv("WORDPRESS_DB_HOST")); exit(@mysqli_connect($h[0], getenv("WORDPRESS_DB_USER"), getenv("WORDPRESS_DB_PASSWORD"), getenv("WORDPRESS_DB_NAME"), (int) ($h[1] ?? 3306)) ? 0 : 1);'
wait_for "database $WORDPRESS_DB_HOST did not answer within 3 minutes" php -r "$DB_CHECK"
log "database is answering"

# PHP reads the admin password from env, so it never appears in argv or the log.
# shellcheck disable=SC2016
SET_PASSWORD='$u = get_user_by("login", getenv("WP_ADMIN_USER")); if (!$u) { WP_CLI::error("admin user not found"); } wp_set_password(getenv("WP_ADMIN_PASSWORD"), $u->ID); WP_CLI::success("admin password updated");'

changed=0
done_step() { changed=1; log "$1: done"; }

if wp core is-installed; then
  log "core install: already done"
else
  # The password goes through stdin (--prompt), never argv or the log.
  printf '%s\n' "$WP_ADMIN_PASSWORD" | wp core install --url="$WP_URL" --title="$WP_TITLE" \
    --admin_user="$WP_ADMIN_USER" --admin_email="$WP_ADMIN_EMAIL" --skip-email --prompt=admin_password
  done_step "core install"
fi

# The Secret is the source of truth for the admin password (the app reveals it from there).
# shellcheck disable=SC2016
PASSWORD_MATCHES='$u = get_user_by("login", getenv("WP_ADMIN_USER")); exit($u && wp_check_password(getenv("WP_ADMIN_PASSWORD"), $u->user_pass, $u->ID) ? 0 : 1);'
if wp eval "$PASSWORD_MATCHES"; then
  log "admin password: matches the Secret"
else
  wp eval "$SET_PASSWORD"
  done_step "admin password"
fi

if ! wp plugin is-installed woocommerce; then
  wp plugin install woocommerce --version="$WOOCOMMERCE_VERSION"
  done_step "woocommerce install"
fi
if ! wp plugin is-active woocommerce; then
  wp plugin activate woocommerce
  done_step "woocommerce activate"
fi

if [ "$(wp option get permalink_structure)" != '/%postname%/' ]; then
  wp rewrite structure '/%postname%/'
  done_step "permalinks"
fi

page_ok() {
  id=$(wp option get "woocommerce_$1_page_id" 2>/dev/null || true)
  [ -n "$id" ] && [ "$id" != 0 ] && [ "$(wp post get "$id" --field=post_status 2>/dev/null || true)" = publish ]
}
if page_ok shop && page_ok cart && page_ok checkout && page_ok myaccount; then
  log "store pages: already there"
else
  wp wc tool run install_pages --user="$WP_ADMIN_USER"
  done_step "store pages"
fi

# Virtual, so an order needs no shipping zone: a Ready store can take a Cash on Delivery order.
if [ -z "$(wp post list --post_type=product --title='Sample Product' --post_status=any --format=ids)" ]; then
  wp wc product create --name='Sample Product' --type=simple --regular_price=19.99 --virtual=true \
    --status=publish --user="$WP_ADMIN_USER" --porcelain
  done_step "sample product"
fi

if [ "$(wp option pluck woocommerce_cod_settings enabled 2>/dev/null || true)" != yes ]; then
  wp option update woocommerce_cod_settings --format=json \
    '{"enabled":"yes","title":"Cash on delivery","description":"Pay with cash upon delivery.","instructions":"Pay with cash upon delivery.","enable_for_methods":[],"enable_for_virtual":"yes"}'
  done_step "cash on delivery"
fi

# Fresh WooCommerce starts in "coming-soon" mode, which hides the shop from shoppers.
if [ "$(wp option get woocommerce_coming_soon 2>/dev/null || true)" != no ]; then
  wp option update woocommerce_coming_soon no
  done_step "store public"
fi

# Without a profile, the first admin visit is hijacked into the onboarding wizard.
if ! wp option get woocommerce_onboarding_profile >/dev/null 2>&1; then
  wp option update woocommerce_onboarding_profile --format=json '{"skipped":true}'
  done_step "onboarding skipped"
fi

# 'wp transient get' exits 0 with empty output when the transient is absent.
if [ -n "$(wp transient get _wc_activation_redirect 2>/dev/null || true)" ]; then
  wp transient delete _wc_activation_redirect
  done_step "activation redirect cleared"
fi

if [ "$changed" = 1 ]; then
  wp rewrite flush
fi
log "setup complete"
