"""Installed Argos Translate packages in a workbench models folder.

Why our own loader instead of ``argostranslate.package``: that module reads
``ARGOS_PACKAGES_DIR`` once at import time (one global folder per process),
installs by ``extractall`` without checking entry paths, and one broken folder
makes ``get_installed_packages()`` raise.  Workbench keeps a models folder per
``Settings`` and reads ``<pkg>/metadata.json``, ``sentencepiece.model`` (or
``bpe.model``) and ``model/`` itself; the on-disk layout stays Argos's, so
``ARGOS_PACKAGES_DIR=<models_dir>`` also works with the ``argos-translate`` tools.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import Any

from workbench.adapters.mt.engine import LoadedModel, forget_model
from workbench.adapters.mt.options import EngineOptions
from workbench.adapters.mt.package_info import PackageInfo  # re-exported: services, tests
from workbench.errors import (
    N_,
    InputError,
    LanguageCodeError,
    LanguagePairError,
    ModelError,
    NotFoundError,
)

MAX_UNPACKED_BYTES = 4 * 1024**3  # refuse zip bombs; real packages are < 300 MB
_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
#: Longest ``package_version`` a package may carry: a route of two tagged steps
#: (``V~beam1+V~beam1``) must fit the stores' 50-character ``model_version`` column, which
#: PostgreSQL enforces (a longer version crashed translation there, not on SQLite).
MAX_VERSION = 16


def check_code(code: str) -> str:
    """Normalise a language code; raise ``LanguageCodeError`` if it is not one."""
    norm = (code or "").strip().lower()
    if not norm:  # round 44: "--to ' '" said "unknown language code ' '"
        raise LanguageCodeError(
            N_("no language code given (empty or blank; expected e.g. 'en', 'de', 'ru')")
        )
    if not _CODE.match(norm):
        raise LanguageCodeError(
            N_("unknown language code %(code)r (expected e.g. 'en', 'de', 'ru')"), code=code
        )
    return norm


def read_package(folder: Path) -> PackageInfo:
    """Describe an installed package folder; problems are reported, not raised."""
    path = folder / "metadata.json"
    if (path.exists() or path.is_symlink()) and not path.is_file():  # a FIFO would wait forever
        return PackageInfo(folder, problem="metadata.json is not a regular file")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("metadata.json is not a JSON object")
        from_code, to_code = check_code(meta["from_code"]), check_code(meta["to_code"])
        version = str(meta.get("package_version") or "0")
        if len(version) > MAX_VERSION:
            raise ValueError(f"package_version is longer than {MAX_VERSION} characters")
    except FileNotFoundError:
        return PackageInfo(folder, problem="no metadata.json")
    except (ValueError, KeyError, TypeError, LanguagePairError, OSError) as exc:
        return PackageInfo(folder, problem=f"bad metadata.json: {exc}")
    except RecursionError:  # round 34: 100,000 nested arrays ended every listing
        return PackageInfo(folder, problem="bad metadata.json: nested too deeply")
    info = PackageInfo(
        path=folder,
        from_code=from_code,
        to_code=to_code,
        version=version,
        from_name=str(meta.get("from_name") or from_code),
        to_name=str(meta.get("to_name") or to_code),
        target_prefix=str(meta.get("target_prefix") or ""),
        demo=bool(meta.get("workbench_demo")),
        source_prefix=str(meta.get("source_prefix") or ""),
    )
    info = _with_readme(info, folder, meta)
    if (folder / "sentencepiece.model").is_file():
        tokenizer = "sentencepiece"
    elif (folder / "bpe.model").is_file():
        tokenizer = "bpe"
    else:
        return _with(info, problem="no sentencepiece.model or bpe.model")
    if not (folder / "model" / "model.bin").is_file():
        return _with(info, tokenizer=tokenizer, problem="no model/model.bin")
    return _with(info, tokenizer=tokenizer)


_LICENSE = re.compile(r"licen[cs]e|\bCC[- ]BY|creative commons|\bMIT\b|apache|\bGPL", re.I)
MAX_README_CHARS = 20_000


def _with_readme(info: PackageInfo, folder: Path, meta: dict[str, Any]) -> PackageInfo:
    """Attach the README and the licence: packages credit their data and set terms."""
    try:
        readme = (folder / "README.md").read_text(encoding="utf-8", errors="replace")
    except OSError:
        readme = ""
    readme = readme[:MAX_README_CHARS]
    found = str(meta.get("license") or "")
    if not found:
        lines = [ln.strip(" #*-\t") for ln in readme.splitlines()]
        found = next((ln for ln in lines if ln and _LICENSE.search(ln)), "")
    return _with(info, readme=readme, license=found[:300])


def _with(info: PackageInfo, **changes: Any) -> PackageInfo:
    return PackageInfo(**{**asdict(info), **changes})


def check_models_dir(models_dir: Path) -> Path:
    """``models_dir``, or ``InputError`` when it (or a folder above it) is a file.

    Why: a file there read as "no models installed" (all seemingly well) and
    made an install end in an unexpected ``FileExistsError``.  A missing folder
    is fine: it is made on the first install.
    """
    for path in (models_dir, *models_dir.parents):
        if path.exists() or path.is_symlink():
            if not path.is_dir():
                raise InputError(
                    N_("the models folder %(folder)s cannot be used: %(path)s is a file, not a "
                       "folder (point WORKBENCH_MODELS_DIR at a folder)"),
                    folder=models_dir, path=path,
                )  # fmt: skip
            break
    return models_dir


def list_packages(models_dir: Path) -> list[PackageInfo]:
    """All package folders, sorted by pair; broken ones included with a problem."""
    if not check_models_dir(models_dir).is_dir():
        return []
    folders = [p for p in models_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
    infos = [read_package(p) for p in folders]
    return sorted(infos, key=lambda i: (i.broken, i.from_code, i.to_code, i.path.name))


#: Argos's own codes for language variants that language identification (Lingua)
#: reports under the general code: Traditional Chinese and Brazilian Portuguese.
ARGOS_VARIANTS: dict[str, tuple[str, ...]] = {
    "zh": ("zt",),
    "pt": ("pb",),
    "zh-tw": ("zt", "zh"),
    "zh-hant": ("zt", "zh"),
    "zh_tw": ("zt", "zh"),
    "pt-br": ("pb", "pt"),
    "pt_br": ("pb", "pt"),
}


def code_candidates(code: str) -> tuple[str, ...]:
    """``code`` first, then the Argos variant codes that serve it (``zh`` → ``zt``)."""
    return (code, *ARGOS_VARIANTS.get(code, ()))


def find_package(models_dir: Path, from_code: str, to_code: str) -> PackageInfo | None:
    """The usable package for a pair (highest version if several), else None.

    Codes without an exact package fall back to Argos's variant codes:
    ``zh`` (what Lingua says) is served by a ``zt`` package, ``pt`` by ``pb``.
    """
    usable = [p for p in list_packages(models_dir) if not p.broken]
    for src in code_candidates(from_code):
        for dst in code_candidates(to_code):
            matches = [p for p in usable if (p.from_code, p.to_code) == (src, dst)]
            if matches:
                return max(matches, key=lambda p: _version_key(p.version))
    return None


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Numbers of a version in numeric order, each as (digit count, digits).

    Why not ``int``: a version is outside text (package metadata, the index),
    and ``int`` refuses more than 4,300 digits; equal digit counts compare as
    text, which for digits is their numeric order.
    """
    runs = ["".join(str(unicodedata.decimal(c)) for c in x) for x in re.findall(r"\d+", version)]
    return tuple((len(d), d) for d in (r.lstrip("0") for r in runs)) or ((0, ""),)


def _safe_members(zf: zipfile.ZipFile) -> tuple[str, list[zipfile.ZipInfo]]:
    """The single top-level folder of the archive and its members, all checked."""
    members = zf.infolist()
    total = 0
    tops: set[str] = set()
    for m in members:
        path = PurePosixPath(m.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in m.filename or not path.parts:
            raise ModelError(
                N_("unsafe path in package archive: %(filename)r"), filename=m.filename
            )
        if stat.S_ISLNK(m.external_attr >> 16):
            raise ModelError(
                N_("symbolic link in package archive: %(filename)r"), filename=m.filename
            )
        total += m.file_size
        tops.add(path.parts[0])
    if total > MAX_UNPACKED_BYTES:
        raise ModelError(
            N_("package archive unpacks to %(total)s bytes, over the limit"), total=total
        )
    if len(tops) != 1:
        raise ModelError(N_("package archive must hold exactly one top-level folder"))
    return tops.pop(), members


def install_package(models_dir: Path, archive: Path) -> PackageInfo:
    """Install a ``.argosmodel`` file offline; replaces an installed package of the same pair.

    The archive is checked (zip, safe paths, metadata, tokenizer, model),
    unpacked into a hidden staging folder, loaded and made to translate a test
    sentence there (``verify_package``), and only then renamed into place: a
    corrupt model is refused and the installed package of the pair keeps working.
    """
    archive = Path(archive)
    if not archive.is_file():
        if archive.exists():  # a folder, FIFO or device was "no such package file"
            raise InputError(
                N_("%(archive)s is not a regular file; give the .argosmodel file"), archive=archive
            )
        raise InputError(N_("no such package file: %(archive)s"), archive=archive)
    check_models_dir(models_dir)
    if not zipfile.is_zipfile(archive):
        raise ModelError(
            N_("%(name)s is not an Argos package (not a zip archive)"), name=archive.name
        )
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = models_dir / f".install-{uuid.uuid4().hex}"
    try:
        try:
            with zipfile.ZipFile(archive) as zf:
                top, members = _safe_members(zf)
                zf.extractall(staging, members)
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError) as exc:
            raise ModelError(
                N_("%(name)s is a corrupt package archive: %(exc)s"), name=archive.name, exc=exc
            ) from exc
        info = read_package(staging / top)
        if info.broken:
            raise ModelError(
                N_("%(name)s is not a usable Argos package: %(problem)s"),
                name=archive.name,
                problem=info.problem,
            )
        verify_package(info, archive.name)
        return _move_into_place(models_dir, info)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def verify_package(info: PackageInfo, name: str = "") -> None:
    """Load the package and translate a test sentence, or raise ``ModelError``.

    Why: a valid zip with a corrupt ``model.bin`` or tokenizer passed every
    file check, replaced the working model and was listed as healthy.
    """
    label = name or info.label
    try:
        model = LoadedModel(info, EngineOptions(beam_size=1, intra_threads=1))
        out = model.translate(["Hello world."])
    except ModelError as exc:
        raise ModelError(
            N_("%(label)s cannot be loaded: %(reason)s"), label=label, reason=exc
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any failure of a foreign model is the model's
        raise ModelError(
            N_("%(label)s failed a test translation: %(exc)s"), label=label, exc=exc
        ) from exc
    if len(out) != 1 or not isinstance(out[0].text, str):
        raise ModelError(N_("%(label)s failed a test translation (no output)"), label=label)


def _move_into_place(models_dir: Path, info: PackageInfo) -> PackageInfo:
    """Rename the staged folder to ``translate-<from>_<to>``, putting older copies aside.

    The old copies are renamed away first and restored if the final rename
    fails, so the pair is never left without its working package.
    """
    old = [
        p
        for p in list_packages(models_dir)
        if not p.broken and (p.from_code, p.to_code) == (info.from_code, info.to_code)
    ]
    final = models_dir / f"translate-{info.from_code}_{info.to_code}"
    moved: list[tuple[Path, Path]] = []
    try:
        for pkg in old:
            trash = models_dir / f".old-{uuid.uuid4().hex}"
            pkg.path.rename(trash)
            moved.append((pkg.path, trash))
        if final.exists():  # a broken folder squatting on the name
            squatter = models_dir / f".old-{uuid.uuid4().hex}"
            final.rename(squatter)
            moved.append((final, squatter))
        info.path.rename(final)
    except OSError as exc:
        for original, trash in reversed(moved):
            trash.rename(original)
        raise ModelError(
            N_("cannot install %(label)s: %(exc)s"), label=info.label, exc=exc
        ) from exc
    for original, trash in moved:
        forget_model(original)
        shutil.rmtree(trash, ignore_errors=True)
    return read_package(final)


def remove_package(models_dir: Path, from_code: str, to_code: str) -> PackageInfo:
    """Delete the installed package(s) of a pair; ``NotFoundError`` if none."""
    from_code, to_code = check_code(from_code), check_code(to_code)
    gone = [
        p for p in list_packages(models_dir) if (p.from_code, p.to_code) == (from_code, to_code)
    ]
    if not gone:
        raise NotFoundError(
            N_("no installed model for %(from_code)s → %(to_code)s"),
            from_code=from_code,
            to_code=to_code,
        )
    for pkg in gone:
        forget_model(pkg.path)
        shutil.rmtree(pkg.path)
    return gone[0]
