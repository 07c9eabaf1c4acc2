#!/usr/bin/env python3
"""Turns an assembled dist/ into one self-contained welkom.html.

The single file is for a USB stick or an e-mail attachment: opened straight
from disk (file://) it needs no server and no network. Everything the page
loads from dist/ is put inside it:

  - the stylesheet as an inline <style>, the favicon as a data: URL;
  - boot.js as the only parser-run inline <script>;
  - every script boot.js loads (the payload with the wasm and the font,
    files.js, storage.js, welkom-test.js, a11y.js, welkom.js) as a non-running data
    block <script type="text/plain" id="welkom-file:NAME">; boot.js runs them
    in its usual order by copying their text into new <script> elements;
  - the worker (its payload followed by welkom-worker.js) as one more data
    block, which boot.js turns into a Blob URL: new Worker() then needs no
    fetch, which browsers refuse for file:// anyway;
  - the fonts of fonts/ (Arabic script, Ethiopic) as base64 data blocks that
    script_text.js turns into FontFace objects from bytes when a roster needs
    them (no font URL, so the policy needs no font-src).

The Content-Security-Policy keeps forbidding every connection. Inline code is
allowed by its SHA-256 hash only (no 'unsafe-inline'), workers only from blob:.

The output depends on nothing but the input bytes (no timestamps, no paths,
fixed order), so two builds of one commit give the same file.

The sign-up page (signup.html, issue #14) gets its own single file for a USB
stick or a mail: welkom-signup.html, with its three scripts and its style
inline, each allowed by its hash.

usage: make_single_file.py DIST_DIR OUT.html
       make_single_file.py --signup DIST_DIR OUT-SIGNUP.html
"""
import base64
import hashlib
import re
import sys

# Scripts boot.js loads, in its order. Checked against boot.js below so the
# two cannot drift apart silently.
SCRIPTS = ["welkom-payload.js", "files.js", "storage.js", "script_text.js", "welkom-test.js", "a11y.js", "welkom.js"]
# Fonts web/script_text.js loads when a roster needs them (fonts/NAME.woff2):
# data blocks of base64 it decodes into a FontFace, so no font URL is needed.
FONTS = ["arabic", "ethiopic"]
WORKER = ["welkom-worker-payload.js", "welkom-worker.js"]

# The HTML parser ends or re-interprets a script's text at these sequences,
# even in a data block; none of our files contains them, and if one ever does
# the build must stop instead of producing a page that breaks at run time.
FORBIDDEN = re.compile(r"</script|<!--|<script|</style", re.IGNORECASE)


# Replaces index.html's comment about its policy, which names its files.
SINGLE_FILE_COMMENT = """<!--
  Welkom, single-file build (web/tools/make_single_file.py): the whole app is in
  this file and runs from disk. The policy below forbids every network
  connection (connect-src 'none'); only the inline scripts and style with the
  listed SHA-256 hashes may run, the wasm is compiled from bytes inside this
  file ('wasm-unsafe-eval'), and the worker starts from a blob: URL the page
  makes from its own text.
-->"""


def read_text(dist, name, inlined=True):
    with open(f"{dist}/{name}", encoding="utf-8", newline="") as f:
        text = f.read()
    if not inlined:
        return text
    if "\r" in text:
        sys.exit(f"make_single_file: {name} has CR characters; the HTML parser would change them")
    if FORBIDDEN.search(text):
        sys.exit(f"make_single_file: {name} contains '{FORBIDDEN.search(text).group(0)}', "
                 "which cannot be inlined in HTML")
    return text


def csp_hash(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def replace_once(html, pattern, replacement, what):
    result, count = re.subn(pattern, lambda _: replacement, html, flags=re.DOTALL)
    if count != 1:
        sys.exit(f"make_single_file: expected one {what} in index.html, found {count}")
    return result


# The sign-up page's scripts, in the order signup.html runs them.
SIGNUP_SCRIPTS = ["welkom-signup-payload.js", "signup.js", "welkom-signup.js"]

SIGNUP_SINGLE_FILE_COMMENT = """<!--
  Welkom's sign-up page, single-file build (web/tools/make_single_file.py): the
  whole page is in this file and runs from disk. The policy below forbids every
  network connection (connect-src 'none'); only the inline scripts and style
  with the listed SHA-256 hashes may run, and the wasm is compiled from bytes
  inside this file ('wasm-unsafe-eval'). The page stores nothing.
-->"""


def make_single_signup(dist, out):
    html = read_text(dist, "signup.html", inlined=False)
    scripts = [(name, read_text(dist, name)) for name in SIGNUP_SCRIPTS]
    css = read_text(dist, "signup.css")
    with open(f"{dist}/favicon.svg", "rb") as f:
        favicon = "data:image/svg+xml;base64," + base64.b64encode(f.read()).decode("ascii")
    policy = ("default-src 'none'; script-src %s 'wasm-unsafe-eval'; style-src %s; img-src data:; "
              "connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
              % (" ".join(csp_hash(text) for _, text in scripts), csp_hash(css)))
    html = replace_once(html, r"<!--\s*Welkom's sign-up page \(issue #14.*?-->", SIGNUP_SINGLE_FILE_COMMENT, "comment")
    html = replace_once(html, r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                        f'<meta http-equiv="Content-Security-Policy" content="{policy}">', "CSP")
    html = replace_once(html, r'<link rel="icon" href="favicon\.svg"', f'<link rel="icon" href="{favicon}"', "icon")
    html = replace_once(html, r'<link rel="stylesheet" href="signup\.css">', f"<style>{css}</style>", "stylesheet")
    for name, text in scripts:
        html = replace_once(html, r'<script src="%s"></script>' % re.escape(name), f"<script>{text}</script>", name)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(html)


def main(argv):
    if len(argv) == 4 and argv[1] == "--signup":
        make_single_signup(argv[2], argv[3])
        return
    if len(argv) != 3:
        sys.exit(__doc__)
    dist, out = argv[1], argv[2]
    boot = read_text(dist, "boot.js")
    for name in SCRIPTS:
        if f"'{name}'" not in boot:
            sys.exit(f"make_single_file: boot.js no longer loads '{name}'; update SCRIPTS")
    scripts = [(name, read_text(dist, name)) for name in SCRIPTS]
    worker = "".join(read_text(dist, name) for name in WORKER)
    css = read_text(dist, "welkom.css")
    with open(f"{dist}/favicon.svg", "rb") as f:
        favicon = "data:image/svg+xml;base64," + base64.b64encode(f.read()).decode("ascii")
    html = read_text(dist, "index.html", inlined=False)

    script_hashes = " ".join(csp_hash(text) for text in [boot] + [text for _, text in scripts])
    policy = ("default-src 'none'; script-src %s 'wasm-unsafe-eval'; style-src %s; img-src data: blob:; "
              "connect-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'; object-src 'none'"
              % (script_hashes, csp_hash(css)))
    html = replace_once(html, r"<!--\s*Welkom runs entirely in this page\..*?-->", SINGLE_FILE_COMMENT, "comment")
    html = replace_once(html, r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                        f'<meta http-equiv="Content-Security-Policy" content="{policy}">', "CSP")
    html = replace_once(html, r'<link rel="icon" href="favicon\.svg"', f'<link rel="icon" href="{favicon}"', "icon")
    html = replace_once(html, r'<link rel="stylesheet" href="welkom\.css">', f"<style>{css}</style>", "stylesheet")
    blocks = "".join(f'<script type="text/plain" id="welkom-file:{name}">{text}</script>\n' for name, text in scripts)
    blocks += f'<script type="text/plain" id="welkom-file:welkom-worker.js">{worker}</script>\n'
    for name in FONTS:
        with open(f"{dist}/fonts/{name}.woff2", "rb") as f:
            font = base64.b64encode(f.read()).decode("ascii")
        blocks += f'<script type="text/plain" id="welkom-font:{name}">{font}</script>\n'
    html = replace_once(html, r'<script src="boot\.js"></script>\n', f"{blocks}<script>{boot}</script>\n", "boot script")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(html)


if __name__ == "__main__":
    main(sys.argv)
