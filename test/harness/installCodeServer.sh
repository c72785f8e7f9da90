#!/usr/bin/env bash
# Installs code-server 4.100.3 (which bundles VS Code 1.100.3, the newest that runs on Node 20)
# into a cache folder keyed on the version, so that CI and the demo pay for it once per machine.
# A plain `npm install code-server` fails offline: its postinstall wants --unsafe-perm as root and
# @vscode/ripgrep downloads a binary from GitHub. So the steps below skip scripts and rebuild only
# the native modules, and point ripgrep at Debian's rg.
# Prints the path of the code-server launcher on its last line.
set -euo pipefail
version="4.100.3"
cache="${LEAD_DESK_CACHE:-$HOME/.cache/lead-desk}"
dir="$cache/code-server-$version"
bin="$dir/node_modules/code-server/out/node/entry.js"
marker="$dir/.installed"

if [ -f "$marker" ]; then
  echo "$dir/node_modules/.bin/code-server"
  exit 0
fi

# Chromium is needed by the tests, not by code-server, so only ripgrep is checked here.
command -v rg >/dev/null || { echo "missing rg: apt-get install ripgrep (see .ci/run)" >&2; exit 1; }

# Two harnesses starting at once on a fresh machine must not install into the same folder together.
mkdir -p "$cache"
exec 9>"$cache/.install-$version.lock"
flock 9
if [ -f "$marker" ]; then
  echo "$dir/node_modules/.bin/code-server"
  exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
echo '{"name":"lead-desk-code-server","private":true}' > package.json
echo "installing code-server@$version into $dir" >&2
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" >&2
npm rebuild argon2 >&2

vs="$dir/node_modules/code-server/lib/vscode"
(
  cd "$vs"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
  npm_config_yes=true npm rebuild kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty @vscode/deviceid >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --no-audit --no-fund --omit=dev >&2)
)
test -f "$bin"
"$dir/node_modules/.bin/code-server" --version >&2
touch "$marker"
echo "$dir/node_modules/.bin/code-server"
