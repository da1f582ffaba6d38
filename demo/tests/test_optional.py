"""The demo is a leaf: the site works without it in INSTALLED_APPS."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo.tests.settings_without_demo"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_site_starts_without_the_demo_app():
    """Without demo, the checks pass and the URLs load; only the seed commands go."""
    checked = manage("check")
    assert checked.returncode == 0, checked.stderr
    urls = manage(
        "shell",
        "-c",
        "from django.urls import reverse; print(reverse('reports:submit'))",
    )
    assert urls.stdout.strip().splitlines()[-1] == "/error-reports/", urls.stderr
    unknown = manage("seed_demo", "--dry-run")
    assert unknown.returncode != 0
    assert "Unknown command: 'seed_demo'" in unknown.stderr
