#!/usr/bin/env bash
# Start a throw-away Dovecot IMAP server (Debian's dovecot-imapd) on a loopback port in a folder, as a
# non-root user, with its own configuration and a passwd-file of test users (plaintext login allowed:
# it listens on 127.0.0.1 only).
# Usage: scripts/dovecot-start.sh DIR PORT [USER:PASSWORD ...]   (default user support@example.test:secret)
# Stop:  scripts/dovecot-start.sh --stop DIR
set -euo pipefail
if [ "${1:-}" = "--stop" ]; then
  dir=${2:?folder}
  [ -f "$dir/dovecot.conf" ] && /usr/sbin/dovecot -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || true
  exit 0
fi
dir=${1:?folder}
port=${2:?port}
shift 2
users=("$@")
[ ${#users[@]} -gt 0 ] || users=("support@example.test:secret")
[ -x /usr/sbin/dovecot ] || { echo "Dovecot is not installed (apt-get install dovecot-imapd)" >&2; exit 1; }
mkdir -p "$dir/run" "$dir/state" "$dir/mail"
if [ "$(id -u)" = 0 ]; then
  runas=nobody
  group=$(id -gn nobody)
else
  runas=$(id -un)
  group=$(id -gn)
fi
uid=$(id -u "$runas")
gid=$(getent group "$group" | cut -d: -f3)
: >"$dir/users"
for entry in "${users[@]}"; do
  printf '%s:{PLAIN}%s:%s:%s::%s/mail/%s\n' "${entry%%:*}" "${entry#*:}" "$uid" "$gid" "$dir" "${entry%%:*}" >>"$dir/users"
done
cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
instance_name = dovecot-$port
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $runas
default_internal_group = $group
default_login_user = $runas
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:~/Maildir
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/users
}
service imap-login {
  chroot =
  user = $runas
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    user = $runas
    mode = 0666
  }
  unix_listener stats-writer {
    user = $runas
    mode = 0666
  }
}
protocol imap {
  mail_max_userip_connections = 100
}
CONF
chown -R "$runas:$group" "$dir"
chmod 0755 "$dir"
if [ "$(id -u)" = 0 ]; then
  runuser -u "$runas" -- /usr/sbin/dovecot -c "$dir/dovecot.conf" </dev/null >>"$dir/start.log" 2>&1
else
  /usr/sbin/dovecot -c "$dir/dovecot.conf" </dev/null >>"$dir/start.log" 2>&1
fi
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "imap://127.0.0.1:$port"
    exit 0
  fi
  sleep 0.1
done
echo "Dovecot did not start on 127.0.0.1:$port; see $dir/dovecot.log" >&2
cat "$dir/dovecot.log" >&2 || true
exit 1
