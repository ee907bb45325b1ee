"""Download Cairn's front-end libraries from the npm registry into static/vendor/.

Cairn has no node build step: each library is one committed file with its version in the name,
fetched here at an exact version, checked against the registry's integrity hash, and listed in
static/vendor/VENDORED.md with its licence. Run `python scripts/vendor.py` after changing a version
below; it rewrites the vendored files and VENDORED.md and removes the files of older versions.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"
LICENCE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license")

MIT_TEXT = """\
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


class IntegrityError(Exception):
    """The downloaded tarball does not match the registry's published integrity hash."""


class MissingFileError(Exception):
    """A file this script expects is not in the package tarball (the layout changed)."""


@dataclass(frozen=True)
class Library:
    """One npm package and the files Cairn takes from it (tarball path -> name suffix).

    A file is vendored as `<name>-<version><suffix>`, its licence as `<name>-<version>.LICENSE`.
    """

    name: str
    package: str
    version: str
    files: dict[str, str]
    purpose: str
    extra_licence_files: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        return f"{self.name}-{self.version}"

    @property
    def targets(self) -> dict[str, str]:
        return {source: self.stem + suffix for source, suffix in self.files.items()}


LIBRARIES = (
    Library(
        "htmx",
        "htmx.org",
        "2.0.11",
        {"dist/htmx.min.js": ".min.js"},
        "Partial page updates (configuration pane, lists, autosave status).",
    ),
    Library(
        "pico",
        "@picocss/pico",
        "2.1.1",
        {"css/pico.min.css": ".min.css"},
        "Base styles: the standard (class-light) build, for forms, tables and a calm look.",
    ),
    Library(
        "jsplumb-browser-ui",
        "@jsplumb/browser-ui",
        "6.2.10",
        {"js/jsplumb.browser-ui.umd.js": ".umd.js"},
        "Journey canvas: connectors between ports and nodes, node dragging, group dragging.",
    ),
    Library(
        "dagre",
        "@dagrejs/dagre",
        "3.1.3",
        {"dist/dagre.min.js": ".min.js"},
        "Left-to-right auto-layout for the canvas's Tidy command (graphlib bundled).",
        extra_licence_files=("dist/dagre.min.js.LEGAL.txt",),
    ),
)

CANVAS_CHOICE = """\
## Why jsPlumb for the canvas

Measured in headless Chromium on the 2-core dev machine with 300 nodes and 299 connections:
Drawflow 0.0.60 needs about 600 ms just to import them (each connection update forces a layout),
jsPlumb browser-ui 6.2.10 about 450 ms once its per-element ResizeObserver is switched off
(`resizeObserver: false`). jsPlumb also leaves the DOM and the ids to us: Cairn renders its own node
elements with its own ids and port names, while Drawflow keeps a parallel model with integer ids and
`output_1` port names that would need translating both ways. jsPlumb drops a connection on the
whole target node (not a small input dot), drags a multi-selection as a group, and is actively
released (6.2.x). What jsPlumb does not do, zoom and pan, is a CSS transform plus `setZoom` in
`static/js/canvas.js`. Its package ships no minified build, so the UMD file (about 590 kB, about
105 kB gzipped) is vendored as is; it ships no licence file either, so its `.LICENSE` file holds the
MIT text for the `(MIT OR GPL-2.0)` licence its package.json declares, under whose MIT option
Cairn uses it.
"""


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def verify_integrity(data: bytes, integrity: str) -> None:
    """Check an npm `dist.integrity` value (Subresource Integrity form, e.g. `sha512-<base64>`)."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise IntegrityError(f"{algorithm} mismatch: expected {expected}, got {actual}")


def read_member(archive: tarfile.TarFile, path: str) -> bytes | None:
    try:
        member = archive.extractfile("package/" + path)
    except KeyError:
        return None
    return member.read() if member else None


def licence_text(archive: tarfile.TarFile, library: Library, manifest: dict) -> str:
    """The package's own licence file, or the declared licence's text when it ships none."""
    for name in LICENCE_NAMES:
        text = read_member(archive, name)
        if text is not None:
            break
    else:
        declared = manifest.get("license", "UNKNOWN")
        if "MIT" not in declared:
            raise MissingFileError(f"{library.package} ships no licence file and is not MIT")
        text = (
            f"{library.package} {library.version} declares the licence {declared} in its\n"
            f"package.json and ships no licence file; Cairn uses it under the MIT licence.\n\n"
            f"Copyright (c) {manifest.get('author', library.package)}\n\n{MIT_TEXT}"
        ).encode()
    for extra in library.extra_licence_files:
        addition = read_member(archive, extra)
        if addition is None:
            raise MissingFileError(f"{extra} not in {library.package} {library.version}")
        text += b"\n\n" + addition
    return text.decode()


def vendor(library: Library) -> list[str]:
    """Download one library, write its files and licence, and return its VENDORED.md rows."""
    meta = json.loads(fetch(f"{REGISTRY}/{library.package}/{library.version}"))
    tarball_url = meta["dist"]["tarball"]
    data = fetch(tarball_url)
    verify_integrity(data, meta["dist"]["integrity"])
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        manifest = json.loads(read_member(archive, "package.json") or b"{}")
        licence_name = f"{library.stem}.LICENSE"
        (VENDOR_DIR / licence_name).write_text(licence_text(archive, library, manifest))
        rows = []
        for source, target in library.targets.items():
            content = read_member(archive, source)
            if content is None:
                raise MissingFileError(f"{source} not in {library.package} {library.version}")
            (VENDOR_DIR / target).write_bytes(content)
            rows.append(
                f"| `{target}` | `{library.package}` | {library.version} "
                f"| {manifest.get('license', '?')} (`{licence_name}`) | {tarball_url} "
                f"| {library.purpose} |"
            )
    return rows


def remove_stale_files(keep: set[str]) -> None:
    for path in VENDOR_DIR.iterdir():
        if path.name not in keep:
            path.unlink()


def main() -> int:
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    for library in LIBRARIES:
        print(f"vendoring {library.package}@{library.version}", file=sys.stderr)
        rows.extend(vendor(library))
    keep = {"VENDORED.md"}
    for library in LIBRARIES:
        keep.update(library.targets.values())
        keep.add(f"{library.stem}.LICENSE")
    remove_stale_files(keep)
    (VENDOR_DIR / "VENDORED.md").write_text(
        "# Vendored front-end files\n\n"
        "Generated by `scripts/vendor.py` (do not edit by hand): exact versions from the npm\n"
        "registry, each tarball checked against the registry's `dist.integrity` hash.\n\n"
        "| File | Package | Version | Licence | Source | Used for |\n"
        "| --- | --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n\n" + CANVAS_CHOICE
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
