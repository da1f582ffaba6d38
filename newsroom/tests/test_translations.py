"""
The Kazakh and Russian catalogues: complete, in step with the code, compiled.

A string marked for translation and not yet in locale/*/django.po, an entry left
empty or fuzzy, or a .mo file older than its .po fails here: `make messages`
collects and compiles, a translator fills in what it reports.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"ru": 3, "kk": 2}  # language: plural forms (Russian one/few/many)
DOMAINS = ["django", "djangojs"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue(language: str, domain: str = "django") -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def keys(path: Path) -> set[tuple]:
    if not path.exists():
        return set()
    return {key(entry) for entry in polib.pofile(str(path)) if not entry.obsolete}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    """No empty msgstr, no fuzzy flag, every plural form filled, placeholders kept."""
    po = polib.pofile(str(catalogue(language)))
    assert not po.metadata_is_fuzzy
    forms = LANGUAGES[language]
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={forms};")
    problems = []
    for entry in po:
        if entry.obsolete:
            problems.append(("obsolete", entry.msgid))
            continue
        if "fuzzy" in entry.flags:
            problems.append(("fuzzy", entry.msgid))
        if entry.msgid_plural:
            translations = [entry.msgstr_plural.get(n, "") for n in range(forms)]
            if len(entry.msgstr_plural) != forms:
                problems.append(("plural forms", entry.msgid))
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            if any(set(PLACEHOLDER.findall(t)) - allowed for t in translations):
                problems.append(("placeholders", entry.msgid))
        else:
            translations = [entry.msgstr]
            if set(PLACEHOLDER.findall(entry.msgstr)) != set(
                PLACEHOLDER.findall(entry.msgid)
            ):
                problems.append(("placeholders", entry.msgid))
        if not all(translation.strip() for translation in translations):
            problems.append(("untranslated", entry.msgid))
    assert problems == []


def test_the_kazakh_and_russian_catalogues_hold_the_same_strings():
    """Both catalogues are made from the same code; neither lags behind."""
    assert keys(catalogue("kk")) == keys(catalogue("ru"))


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """The catalogues `makemessages` makes today from a copy of the project's files."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext) is required: apt-get install gettext")
    copy = tmp_path_factory.mktemp("project")
    # The project's own files: tracked, or new and not ignored (no .venv, no media).
    listed = subprocess.run(
        [
            shutil.which("git") or "git",
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "-z",
        ],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith("locale/"):
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    (copy / "locale").mkdir()
    for domain in DOMAINS:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-d", domain]
            + [f"--locale={language}" for language in LANGUAGES],
            cwd=copy,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            check=True,
        )
    return copy


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_would_change_nothing(fresh_catalogues, language, domain):
    """Every string marked in the code is in the catalogue, and nothing else is."""
    made = keys(fresh_catalogues / "locale" / language / "LC_MESSAGES" / f"{domain}.po")
    committed = keys(catalogue(language, domain))
    assert {"missing": made - committed, "stale": committed - made} == {
        "missing": set(),
        "stale": set(),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_po_file(language):
    """The committed .mo is the .po compiled: a fresh clone serves the translations."""
    po = polib.pofile(str(catalogue(language)))
    mo = polib.mofile(str(catalogue(language).with_suffix(".mo")))

    def messages(entries):
        return {
            key(entry): (
                tuple(sorted(entry.msgstr_plural.items()))
                if entry.msgid_plural
                else entry.msgstr
            )
            for entry in entries
            if entry.msgid and not entry.obsolete
        }

    assert messages(mo) == messages(po)
