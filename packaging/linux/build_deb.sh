#!/usr/bin/env bash
# Build a Debian package of the packaged build, offline, with dpkg-deb:
#
#     .venv/bin/pyinstaller --noconfirm build.spec      # first: dist/support-console/
#     bash packaging/linux/build_deb.sh                 # then:  dist/support-console_<version>_<arch>.deb
#
# The package installs the PyInstaller folder into /opt/support-console, links
# /usr/bin/support-console to it, and adds a desktop entry (English and Persian names) and the icon
# in the hicolor theme. It depends only on the system libraries the bundle does not carry (glibc,
# OpenGL/EGL, libxcb, Wayland's client libraries, fontconfig); the script checks that list against
# the bundle's binaries and stops if they need anything else. Needs dpkg-deb and readelf (binutils).
#
# Options (environment): DIST=dist/support-console  OUT=dist  DEB_COMPRESSION=xz (or gzip, zstd, none)
set -euo pipefail
cd "$(dirname "$0")/../.."

DIST=${DIST:-dist/support-console}
OUT=${OUT:-dist}
COMPRESSION=${DEB_COMPRESSION:-xz}
NAME=support-console
PREFIX=/opt/$NAME

[ -x "$DIST/$NAME" ] || { echo "build_deb: $DIST/$NAME not found; run: pyinstaller --noconfirm build.spec" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build_deb: dpkg-deb is missing" >&2; exit 1; }
command -v readelf >/dev/null || { echo "build_deb: readelf is missing (apt-get install binutils)" >&2; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' console/__init__.py)
[ -n "$version" ] || { echo "build_deb: no __version__ in console/__init__.py" >&2; exit 1; }
arch=$(dpkg --print-architecture)

# --- the system libraries the bundle needs but does not carry -------------------------------------
# soname -> Debian package. A soname missing here stops the build: add it once you know its package.
declare -A SYSTEM_LIBS=(
  [libc.so.6]=libc6 [libm.so.6]=libc6 [libdl.so.2]=libc6 [libpthread.so.0]=libc6 [librt.so.1]=libc6
  [libresolv.so.2]=libc6 [libutil.so.1]=libc6 [ld-linux-x86-64.so.2]=libc6 [ld-linux-aarch64.so.1]=libc6
  [libGL.so.1]=libgl1 [libEGL.so.1]=libegl1 [libOpenGL.so.0]=libopengl0 [libGLX.so.0]=libglx0
  [libxcb.so.1]=libxcb1 [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3
  [libwayland-client.so.0]=libwayland-client0 [libwayland-cursor.so.0]=libwayland-cursor0
  [libwayland-egl.so.1]=libwayland-egl1
)
bundled=$(find "$DIST" \( -type f -o -type l \) -printf '%f\n' | sort -u)
elfs=$(find "$DIST" -type f -exec sh -c 'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
needed=$(for f in $elfs; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u)
external=$(comm -23 <(echo "$needed") <(echo "$bundled"))
packages=(libfontconfig1)  # the bundle's own fontconfig reads the system's configuration
unknown=()
for soname in $external; do
  if [ -n "${SYSTEM_LIBS[$soname]:-}" ]; then packages+=("${SYSTEM_LIBS[$soname]}"); else unknown+=("$soname"); fi
done
if [ ${#unknown[@]} -gt 0 ]; then
  echo "build_deb: the bundle needs system libraries with no known package: ${unknown[*]}" >&2
  echo "build_deb: add them to SYSTEM_LIBS in $0" >&2
  exit 1
fi
glibc=$(for f in $elfs; do readelf -V "$f" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' ; done \
        | sed 's/GLIBC_//' | sort -u -V | tail -n 1)
depends=$(printf '%s\n' "${packages[@]}" | sort -u | sed "s/^libc6$/libc6 (>= ${glibc:-2.28})/" | paste -sd, - | sed 's/,/, /g')

# --- the tree ---------------------------------------------------------------------------------
stage=$(mktemp -d "${TMPDIR:-/tmp}/$NAME-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root=$stage/root
umask 022
mkdir -p "$root$PREFIX" "$root/usr/bin" "$root/usr/share/applications" "$root/DEBIAN" \
         "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/icons/hicolor/48x48/apps" \
         "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/$NAME" \
         "$root/lib/systemd/system" "$root/etc/$NAME"
cp -a "$DIST/." "$root$PREFIX/"
chmod -R u+rwX,go+rX,go-w "$root$PREFIX"
ln -s "$PREFIX/$NAME" "$root/usr/bin/$NAME"
install -m 0644 resources/icons/support-console-256.png "$root/usr/share/icons/hicolor/256x256/apps/$NAME.png"
install -m 0644 resources/icons/support-console-48.png "$root/usr/share/icons/hicolor/48x48/apps/$NAME.png"
install -m 0644 resources/icons/support-console.svg "$root/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
install -m 0644 packaging/linux/support-console.desktop "$root/usr/share/applications/$NAME.desktop"
install -m 0644 packaging/linux/copyright "$root/usr/share/doc/$NAME/copyright"
# the office server's unit, installed disabled (postinst enables nothing), and its settings file
install -m 0644 packaging/linux/support-console-server.service "$root/lib/systemd/system/$NAME-server.service"
install -m 0640 packaging/linux/server.env "$root/etc/$NAME/server.env"
install -m 0644 docs/office-server.md "$root/usr/share/doc/$NAME/office-server.md"
echo "/etc/$NAME/server.env" >"$root/DEBIAN/conffiles"
install -m 0755 packaging/linux/postinst "$root/DEBIAN/postinst"
install -m 0755 packaging/linux/postrm "$root/DEBIAN/postrm"
install -m 0755 packaging/linux/prerm "$root/DEBIAN/prerm"

installed_kb=$(du -sk --apparent-size "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: $NAME
Version: $version
Architecture: $arch
Maintainer: crmonline support team <support@crmonline.invalid>
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Homepage: https://crmonline.invalid/support-console
Description: Support Console: the desk of the crmonline support team
 Persian, right-to-left desktop console for the support team: the ticket queue
 with its response deadlines, timed support sessions deducted from prepaid
 packages, uptime credits, on a local SQLite file or a shared PostgreSQL server.
 The program and everything it runs on (Python, Qt) are in /opt/support-console.
 The office server (support-console server) comes as a systemd unit,
 support-console-server.service, installed disabled until configured.
EOF

mkdir -p "$OUT"
deb="$OUT/${NAME}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$root" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1); installs $((installed_kb / 1024)) MiB; Depends: $depends)"
