"""Screenshots of the reader site and the bytes a story page transfers.

    python docs/screenshots/capture.py BASE_URL STORY_PATH PREFIX

Takes the front page and STORY_PATH on a desktop (1280 wide) and a phone
(390x844) in Debian's Chromium, each the top CAP pixels of the full page, halved
and quantized (pngquant, when installed) into docs/screenshots/PREFIX-*.png, and
prints the bytes of every response body a cold load of STORY_PATH transfers
(a fresh browser context: nothing cached), on both viewports.
"""

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
CAP = {"desktop": 2400, "phone": 3400}


def shrink(png: bytes, out: Path) -> None:
    image = Image.open(io.BytesIO(png))
    image = image.resize((image.width // 2, image.height // 2), Image.LANCZOS)
    image.save(out, optimize=True)
    pngquant = shutil.which("pngquant")
    if pngquant:
        subprocess.run(  # noqa: S603 (our own file names)
            [pngquant, "--force", "--skip-if-larger", "--ext", ".png", "64", str(out)],
            check=False,
        )


def main(base: str, story: str, prefix: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        for name, (width, height) in VIEWPORTS.items():
            for page_name, path in (("front", "/"), ("story", story)):
                context = browser.new_context(
                    viewport={"width": width, "height": height}
                )
                page = context.new_page()
                sizes = []

                def measure(request, sizes=sizes):
                    sizes.append((request.url, request.sizes()["responseBodySize"]))

                page.on("requestfinished", measure)
                page.goto(base + path, wait_until="networkidle")
                page.remove_listener("requestfinished", measure)
                if page_name == "story":
                    total = sum(size for _, size in sizes)
                    print(
                        f"{prefix} {name} story page: {total} bytes in {len(sizes)} responses"
                    )
                    for url, size in sizes:
                        print(f"    {size:>9}  {url.removeprefix(base)}")
                # Lazy photos load as a reader scrolls: scroll, so the picture shows them.
                page.mouse.wheel(0, CAP[name])
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, 0)")
                full = page.evaluate("document.documentElement.scrollHeight")
                png = page.screenshot(
                    clip={
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": min(full, CAP[name]),
                    },
                    full_page=True,
                )
                shrink(png, HERE / f"{prefix}-{page_name}-{name}.png")
                context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
