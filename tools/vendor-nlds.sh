#!/usr/bin/env bash
# vendor-nlds.sh — (re)vendor the NL Design System look into indigo/static/vendor/.
#
# Indigo serves the NL Design System CSS as plain static files: there is no Node
# at run time or in CI. This script is only for a developer who wants to redo
# or upgrade the vendored copy. It is NOT run in CI.
#
# What it does:
#   1. `npm pack` three pinned packages into a temporary directory
#      (needs node + npm and access to the npm registry; nothing is installed
#      globally and no node_modules is created in the repository);
#   2. checks each tarball against the pinned sha512 integrity below;
#   3. copies only the files Indigo uses, plus each package's licence, to
#      indigo/static/vendor/ (replacing what was there):
#        utrecht/component-library.css      <- @utrecht/component-library-css dist/index.css
#        utrecht/LICENSE.md
#        voorbeeld-theme/theme.css          <- voorbeeld-design-tokens dist/theme.css
#                                              (all tokens scoped to the class `voorbeeld-theme`)
#        voorbeeld-theme/LICENSE.md
#        noto-sans/*.woff2                  <- latin + latin-ext subsets, weights 400 and 700
#        noto-sans/noto-sans.css            <- generated @font-face rules (relative urls, woff2 only)
#        noto-sans/LICENSE                  (SIL Open Font License 1.1)
#        README.md                          <- generated list of packages, versions, licences
#
# Usage:   tools/vendor-nlds.sh            (from anywhere; paths are resolved from this file)
# Upgrade: change the *_VERSION and *_INTEGRITY pins below (get the integrity with
#          `npm view PACKAGE@VERSION dist.integrity`), run the script, then check the
#          pages (the theme's class name and the Utrecht BEM class names can change
#          between major versions) and commit the result.
set -euo pipefail

UTRECHT_PKG="@utrecht/component-library-css"
UTRECHT_VERSION="9.0.4"
UTRECHT_INTEGRITY="sha512-gVA7D6GfP9/+fzehkYLSBR+0UPUTA97PZmgvTYQE88lPQhHGMlUk8FjmCpLKRsRC9hAYd32JuF/KzG6fmBfjJA=="

THEME_PKG="@nl-design-system-unstable/voorbeeld-design-tokens"
THEME_VERSION="7.4.1"
THEME_INTEGRITY="sha512-GNnapAn2mTIzXRcCvs0JMr4Bf9+ivUJ3zFBJLRT1SYpAYm2xPwptVxIM3k4WLJ0c59E9FfxsEBPJluGuAHUVvg=="

FONT_PKG="@fontsource/noto-sans"
FONT_VERSION="5.3.0"
FONT_INTEGRITY="sha512-fBCog2PY7DiVVTEEqtI/Qdinx/knobHYfoGpjFXdfBX5RoJaBp1Prw2G75p0OIsdlMZg3cLo0c+YbIUYOxnQJw=="
FONT_SUBSETS=(latin latin-ext)
FONT_WEIGHTS=(400 700)

# The class the theme's tokens are scoped to; base.html puts it on <html>.
THEME_CLASS="voorbeeld-theme"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/indigo/static/vendor"

for tool in npm node tar openssl base64; do
  command -v "$tool" >/dev/null || { echo "vendor-nlds: '$tool' is required" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/nlds.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# fetch PKG VERSION INTEGRITY -> prints the directory the package was unpacked in
fetch() {
  local pkg="$1" version="$2" integrity="$3" tgz actual dir
  tgz="$(cd "$WORK" && npm pack --silent "$pkg@$version" | tail -n 1)"
  actual="sha512-$(openssl dgst -sha512 -binary "$WORK/$tgz" | base64 -w0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "vendor-nlds: integrity mismatch for $pkg@$version" >&2
    echo "  expected $integrity" >&2
    echo "  got      $actual" >&2
    exit 1
  fi
  dir="$WORK/${tgz%.tgz}"
  mkdir -p "$dir"
  tar -xzf "$WORK/$tgz" -C "$dir"
  echo "$dir/package"
}

echo "vendor-nlds: fetching pinned packages" >&2
UTRECHT_DIR="$(fetch "$UTRECHT_PKG" "$UTRECHT_VERSION" "$UTRECHT_INTEGRITY")"
THEME_DIR="$(fetch "$THEME_PKG" "$THEME_VERSION" "$THEME_INTEGRITY")"
FONT_DIR="$(fetch "$FONT_PKG" "$FONT_VERSION" "$FONT_INTEGRITY")"

# Sanity: the theme must still be scoped to the class base.html uses.
if ! grep -q "^\.${THEME_CLASS} {" "$THEME_DIR/dist/theme.css"; then
  echo "vendor-nlds: theme.css no longer uses the class .$THEME_CLASS; update base.html" >&2
  exit 1
fi

echo "vendor-nlds: writing $DEST" >&2
rm -rf "$DEST"
mkdir -p "$DEST/utrecht" "$DEST/voorbeeld-theme" "$DEST/noto-sans"

# 1. Utrecht component library (all components, BEM classes; no source maps).
cp "$UTRECHT_DIR/dist/index.css" "$DEST/utrecht/component-library.css"
cp "$UTRECHT_DIR/LICENSE.md" "$DEST/utrecht/LICENSE.md"

# 2. Voorbeeld theme: design tokens as CSS custom properties on .voorbeeld-theme.
cp "$THEME_DIR/dist/theme.css" "$DEST/voorbeeld-theme/theme.css"
cp "$THEME_DIR/LICENSE.md" "$DEST/voorbeeld-theme/LICENSE.md"

# 3. Noto Sans: only the woff2 files of the subsets/weights we use, and a
#    generated stylesheet whose @font-face rules (with the upstream
#    unicode-range, so the browser fetches latin-ext only when needed) point
#    at the files next to it.
cp "$FONT_DIR/LICENSE" "$DEST/noto-sans/LICENSE"
for w in "${FONT_WEIGHTS[@]}"; do
  for s in "${FONT_SUBSETS[@]}"; do
    cp "$FONT_DIR/files/noto-sans-$s-$w-normal.woff2" "$DEST/noto-sans/"
  done
done
FONT_DIR="$FONT_DIR" SUBSETS="${FONT_SUBSETS[*]}" WEIGHTS="${FONT_WEIGHTS[*]}" \
  VERSION="$FONT_VERSION" node - >"$DEST/noto-sans/noto-sans.css" <<'NODE'
const fs = require("fs");
const path = require("path");
const subsets = process.env.SUBSETS.split(" ");
const weights = process.env.WEIGHTS.split(" ");
let out = `/* Noto Sans (@fontsource/noto-sans ${process.env.VERSION}), SIL OFL 1.1: see LICENSE.\n` +
  ` * Generated by tools/vendor-nlds.sh: latin + latin-ext, weights ${weights.join(", ")}, woff2 only. */\n`;
for (const w of weights) {
  const css = fs.readFileSync(path.join(process.env.FONT_DIR, `${w}.css`), "utf8");
  for (const s of subsets) {
    const re = new RegExp(`/\\* noto-sans-${s}-${w}-normal \\*/\\s*@font-face\\s*{([^}]*)}`);
    const m = css.match(re);
    if (!m) throw new Error(`no @font-face for subset ${s} weight ${w}`);
    const range = m[1].match(/unicode-range:\s*([^;]+);/);
    if (!range) throw new Error(`no unicode-range for subset ${s} weight ${w}`);
    out += `\n/* noto-sans-${s}-${w}-normal */\n@font-face {\n` +
      `  font-family: "Noto Sans";\n  font-style: normal;\n  font-display: swap;\n` +
      `  font-weight: ${w};\n` +
      `  src: url("./noto-sans-${s}-${w}-normal.woff2") format("woff2");\n` +
      `  unicode-range: ${range[1].trim()};\n}\n`;
  }
}
process.stdout.write(out);
NODE

# 4. README with exact versions and licences.
SUBSETS_CSV="$(IFS=,; echo "${FONT_SUBSETS[*]}")"
WEIGHTS_CSV="$(IFS=,; echo "${FONT_WEIGHTS[*]}")"
cat >"$DEST/README.md" <<EOF
# Vendored front-end files

Indigo serves the NL Design System look as plain static files, so no Node is
needed at run time or in CI. Do not edit these files by hand: they are written
by \`tools/vendor-nlds.sh\`, which fetches the pinned packages below from the
npm registry, checks their sha512 integrity and copies only what is used.

| Directory | npm package | Version | Licence | Files |
| --- | --- | --- | --- | --- |
| \`utrecht/\` | \`$UTRECHT_PKG\` | $UTRECHT_VERSION | EUPL-1.2 | \`component-library.css\` (= \`dist/index.css\`), \`LICENSE.md\` |
| \`voorbeeld-theme/\` | \`$THEME_PKG\` | $THEME_VERSION | EUPL-1.2 | \`theme.css\` (= \`dist/theme.css\`), \`LICENSE.md\` |
| \`noto-sans/\` | \`$FONT_PKG\` | $FONT_VERSION | OFL-1.1 (SIL Open Font License) | \`noto-sans-{$SUBSETS_CSV}-{$WEIGHTS_CSV}-normal.woff2\`, \`noto-sans.css\` (generated), \`LICENSE\` |

Notes:

- The theme's design tokens are scoped to the class \`$THEME_CLASS\`; the base
  template puts it on \`<html>\` together with \`utrecht-root\`.
- The voorbeeld theme names \`'Noto Serif'\` as its heading font; Indigo only
  ships Noto Sans and overrides \`--basis-heading-font-family\` in
  \`indigo/indigo.css\`.
- The Utrecht component library leaves the \`--utrecht-focus-*\` and
  \`--utrecht-document-*\` tokens to the theme; \`indigo/indigo.css\` maps them
  onto the voorbeeld theme's \`--basis-*\` tokens.
- To upgrade: change the pinned versions and integrity hashes at the top of
  \`tools/vendor-nlds.sh\`, run it, check the pages, commit.
EOF

echo "vendor-nlds: done" >&2
du -sh "$DEST" >&2
