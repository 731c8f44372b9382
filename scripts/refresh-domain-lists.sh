#!/usr/bin/env bash
# Refreshes the free-mail and disposable e-mail domain snapshots that lead-rules-core
# ships as classpath resources (io/github/leadrules/domains/).
#
# The Maven build never runs this script and never needs npm: the snapshots are
# committed files. Run it by hand when you want newer upstream data, review the
# diff summary it prints, run the tests, and commit the result.
#
# Usage:
#   scripts/refresh-domain-lists.sh [--free VERSION] [--disposable VERSION]
#
#   --free VERSION        version of the npm package free-email-domains (default: latest)
#   --disposable VERSION  version of the npm package disposable-email-domains (default: latest)
#
# Environment:
#   SNAPSHOT_DATE         date written into the headers (default: today, UTC, YYYY-MM-DD)
#
# Needs: bash, npm and node (npm brings node), tar, sort, comm.
set -euo pipefail

FREE_PACKAGE=free-email-domains
DISPOSABLE_PACKAGE=disposable-email-domains
free_version=latest
disposable_version=latest

usage() {
  sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

die() {
  echo "refresh-domain-lists: $*" >&2
  exit 1
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --free)
      [[ $# -ge 2 && -n "$2" ]] || die "--free needs a version"
      free_version="$2"
      shift 2
      ;;
    --disposable)
      [[ $# -ge 2 && -n "$2" ]] || die "--disposable needs a version"
      disposable_version="$2"
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
done

for tool in npm node tar sort comm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on the PATH"
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/lead-rules-core/src/main/resources/io/github/leadrules/domains"
snapshot_date="${SNAPSHOT_DATE:-$(date -u +%F)}"
[[ "$snapshot_date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "SNAPSHOT_DATE must look like YYYY-MM-DD"
mkdir -p "$out_dir"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# fetch PACKAGE VERSION: packs PACKAGE@VERSION into $work/PACKAGE, extracts it to
# $work/PACKAGE/package and writes name, version and integrity to $work/PACKAGE/meta.
fetch() {
  local package="$1" version="$2"
  local dest="$work/$package"
  mkdir -p "$dest"
  if ! (cd "$dest" && npm pack "$package@$version" --json --ignore-scripts --pack-destination "$dest") \
      >"$dest/pack.json" 2>"$dest/npm.log"; then
    cat "$dest/npm.log" >&2
    die "npm pack $package@$version failed"
  fi
  node -e '
    const fs = require("fs");
    const [info] = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    process.stdout.write([info.filename, info.version, info.integrity].join("\n") + "\n");
  ' "$dest/pack.json" >"$dest/meta"
  local filename
  filename="$(sed -n 1p "$dest/meta")"
  tar -xzf "$dest/$filename" -C "$dest"
  [[ -d "$dest/package" ]] || die "$filename has no package/ folder"
}

meta() { sed -n "$2p" "$work/$1/meta"; }
version_of() { meta "$1" 2; }
integrity_of() { meta "$1" 3; }

# domains JSON_FILE...: prints the domains of one or more JSON string arrays, trimmed,
# lowercased and converted to ASCII (IDNA, punycode) so that they compare equal to what
# EmailAddresses.parse returns; sorted bytewise and deduplicated.
domains() {
  node -e '
    const fs = require("fs");
    const { domainToASCII } = require("url");
    let skipped = 0;
    for (const file of process.argv.slice(1)) {
      const list = JSON.parse(fs.readFileSync(file, "utf8"));
      if (!Array.isArray(list)) throw new Error(file + " is not a JSON array");
      for (const entry of list) {
        const raw = String(entry).trim().toLowerCase();
        if (raw === "") continue;
        const ascii = domainToASCII(raw);
        if (ascii === "") { skipped++; continue; }
        process.stdout.write(ascii + "\n");
      }
    }
    if (skipped > 0) process.stderr.write("refresh-domain-lists: skipped " + skipped + " entries that are not valid domain names\n");
  ' "$@" | LC_ALL=C sort -u
}

# domain_lines FILE: the domain lines of one of our list files (none if it does not exist).
domain_lines() {
  if [[ -f "$1" ]]; then
    grep -v -e '^#' -e '^[[:space:]]*$' "$1" | LC_ALL=C sort -u || true
  fi
}

# write_list FILE PACKAGE SOURCE_DESCRIPTION DOMAINS_FILE: writes FILE with our header and
# prints how it changed.
write_list() {
  local file="$1" package="$2" source="$3" new_domains="$4"
  local target="$out_dir/$file"
  local version integrity old_version count added removed
  version="$(version_of "$package")"
  integrity="$(integrity_of "$package")"
  count="$(wc -l <"$new_domains" | tr -d ' ')"
  [[ "$count" -gt 0 ]] || die "$package@$version gave no domains"

  domain_lines "$target" >"$work/$file.old"
  added="$(LC_ALL=C comm -13 "$work/$file.old" "$new_domains" | wc -l | tr -d ' ')"
  removed="$(LC_ALL=C comm -23 "$work/$file.old" "$new_domains" | wc -l | tr -d ' ')"
  old_version="$(sed -n 's/^# Version: //p' "$target" 2>/dev/null | head -n 1 || true)"

  {
    echo "# $file"
    echo "# Package: $package (npm registry)"
    echo "# Version: $version"
    echo "# Licence: MIT, see LICENSE-$package.txt beside this file"
    echo "# Snapshot date: $snapshot_date"
    echo "# Source: $source of $package-$version.tgz ($integrity)"
    echo "# Generated by scripts/refresh-domain-lists.sh; do not edit by hand."
    echo "# Format: UTF-8, lines starting with # are comments, then one lowercase ASCII domain"
    echo "# per line (internationalised names in punycode), sorted, deduplicated."
    cat "$new_domains"
  } >"$work/$file.out"
  mv "$work/$file.out" "$target"

  printf '%-40s %s -> %s: %s domains (+%s added, -%s removed)\n' \
    "$file" "${old_version:-none}" "$version" "$count" "$added" "$removed"
}

# copy_licence PACKAGE: copies the package's own licence file verbatim; when the package
# ships none, writes a notice built from its declared licence and its README's licence section.
copy_licence() {
  local package="$1"
  local dir="$work/$package/package"
  local target="$out_dir/LICENSE-$package.txt"
  local version declared licence_file readme maintainers
  version="$(version_of "$package")"
  licence_file="$(find "$dir" -maxdepth 1 -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' \) | LC_ALL=C sort | head -n 1)"
  if [[ -n "$licence_file" ]]; then
    cat "$licence_file" >"$target.tmp"
    mv "$target.tmp" "$target"
    chmod 0644 "$target"
    printf '%-40s copied from %s\n' "LICENSE-$package.txt" "$package-$version/$(basename "$licence_file")"
    return
  fi

  declared="$(node -e 'process.stdout.write(String(require(process.argv[1]).license || ""))' "$dir/package.json")"
  [[ "$declared" == "MIT" ]] || die "$package@$version ships no licence file and declares '$declared', not MIT: check it by hand"
  readme="$(find "$dir" -maxdepth 1 -type f -iname 'README*' | LC_ALL=C sort | head -n 1)"
  {
    echo "Licence of the npm package $package $version"
    echo
    echo "The package ships no LICENSE file. Its package.json declares \"license\": \"MIT\"."
    maintainers=""
    if [[ -f "$dir/composer.json" ]]; then
      maintainers="$(node -e '
        const authors = require(process.argv[1]).authors || [];
        process.stdout.write(authors.map((a) => a.name).filter(Boolean).join(", "));
      ' "$dir/composer.json" 2>/dev/null || true)"
    fi
    if [[ -n "$maintainers" ]]; then
      echo "It names no copyright holder; its composer.json lists as author(s): $maintainers."
    else
      echo "It names no copyright holder."
    fi
    echo
    if [[ -n "$readme" ]] && grep -qi '^##* *licen[cs]e' "$readme"; then
      echo "The licence section of its $(basename "$readme"), verbatim:"
      echo
      echo "----------------------------------------------------------------------"
      awk 'tolower($0) ~ /^##* *licen[cs]e/ { on = 1 } on { print }' "$readme"
      echo "----------------------------------------------------------------------"
      echo
    fi
    echo "The MIT License, which the package declares:"
    echo
    cat <<'MIT'
Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
MIT
  } >"$target"
  printf '%-40s package ships no licence file: wrote a notice from its package.json and %s\n' \
    "LICENSE-$package.txt" "$(basename "${readme:-README}")"
}

echo "Fetching $FREE_PACKAGE@$free_version and $DISPOSABLE_PACKAGE@$disposable_version with npm pack ..."
fetch "$FREE_PACKAGE" "$free_version"
fetch "$DISPOSABLE_PACKAGE" "$disposable_version"

free_json="$work/$FREE_PACKAGE/package/domains.json"
disposable_json="$work/$DISPOSABLE_PACKAGE/package/index.json"
disposable_wildcard_json="$work/$DISPOSABLE_PACKAGE/package/wildcard.json"
[[ -f "$free_json" ]] || die "$FREE_PACKAGE has no domains.json any more: check its layout"
[[ -f "$disposable_json" ]] || die "$DISPOSABLE_PACKAGE has no index.json any more: check its layout"

domains "$free_json" >"$work/free.domains"
if [[ -f "$disposable_wildcard_json" ]]; then
  # wildcard.json lists domains whose every subdomain is disposable; we list the base
  # domain, and callers match subdomains through EmailAddresses.domainAndParents.
  domains "$disposable_json" "$disposable_wildcard_json" >"$work/disposable.domains"
  disposable_source="index.json and wildcard.json"
else
  domains "$disposable_json" >"$work/disposable.domains"
  disposable_source="index.json"
fi

echo
write_list free-email-domains.txt "$FREE_PACKAGE" "domains.json" "$work/free.domains"
write_list disposable-email-domains.txt "$DISPOSABLE_PACKAGE" "$disposable_source" "$work/disposable.domains"
copy_licence "$FREE_PACKAGE"
copy_licence "$DISPOSABLE_PACKAGE"

# Our own additions are maintained by hand: report any that upstream now carries.
extra="$out_dir/free-email-domains-extra.txt"
if [[ -f "$extra" ]]; then
  redundant="$(domain_lines "$extra" | LC_ALL=C comm -12 - "$work/free.domains")"
  if [[ -n "$redundant" ]]; then
    echo
    echo "These project additions in free-email-domains-extra.txt are now upstream; consider removing them:"
    while IFS= read -r domain; do echo "  $domain"; done <<<"$redundant"
  fi
else
  echo "note: $extra does not exist (project additions)" >&2
fi

echo
echo "Done. Review with: git diff --stat -- '${out_dir#"$repo_root"/}'"
