import pytest

from .factories import ArticleFactory, ArticleImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_story_page_renders_in_chromium_without_script_errors(live_server, page):
    """A story page loads in a real browser, shows its headline and raises no errors."""
    story = ArticleFactory(headline="Almaty metro opens two stations")
    ArticleImageFactory(article=story)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + story.get_absolute_url())
    assert page.locator("h1.story__headline").inner_text() == story.headline
    assert page.locator(".story__photo img").evaluate("img => img.naturalWidth") == 64
    assert errors == []


def test_story_page_fits_a_phone_screen(live_server, browser):
    """On a 375-pixel phone screen the story page does not scroll sideways."""
    story = ArticleFactory(headline="A long headline " * 6)
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(live_server.url + story.get_absolute_url())
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth"
    )
    context.close()
    assert overflow <= 0
